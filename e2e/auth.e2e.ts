import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectText } from "./support/expect-text";
import { setupE2e } from "./support/setup";

describe("Connexion, espaces par rôle et déconnexion", () => {
  const e2e = setupE2e();

  it("une page protégée renvoie à la connexion ; un mauvais mot de passe est refusé en français", async () => {
    const { page } = e2e;
    await page.goto("/apporteur/leads?status=rejected");
    await page.waitForURL(/\/connexion\?retour=/);
    await expectText(page.getByRole("heading", { level: 1 }), "Connexion");
    await page.getByLabel("Adresse e-mail").fill(DEMO.supplier);
    await page.getByLabel("Mot de passe").fill("mauvais-mot-de-passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expectText(page.getByRole("alert"), "E-mail ou mot de passe incorrect");
    await screenshot(page, "00-connexion-erreur");
  });

  it("après connexion, l'apporteur revient sur la page demandée ; l'administration lui est fermée", async () => {
    const { page } = e2e;
    await page.getByLabel("Mot de passe").fill(DEMO.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL("**/apporteur/leads?status=rejected");
    await expectText(page.getByRole("heading", { level: 1 }), "Mes leads");

    await page.goto("/admin/consentements");
    await page.waitForURL((url) => url.pathname === "/apporteur");
    await expectText(page.getByRole("heading", { level: 1 }), "Tableau de bord");
  });

  it("la déconnexion ramène à la page de connexion et ferme l'espace", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => url.pathname === "/connexion");
    await page.goto("/apporteur");
    await page.waitForURL(/\/connexion/);
  });

  it("un courtier arrive dans l'espace courtier", async () => {
    const { page } = e2e;
    await login(page, DEMO.broker, DEMO.password);
    expect(new URL(page.url()).pathname).toBe("/courtier");
    await expectText(page.getByRole("heading", { level: 1 }), "Espace courtier");
    await expectText(page.locator(".topbar"), "Cabinet Durand Courtage");
    await screenshot(page, "20-espace-courtier");
  });

  it("une adresse inconnue affiche une page introuvable en français", async () => {
    const { page } = e2e;
    await page.goto("/courtier/nimporte-quoi");
    await expectText(page.getByRole("heading", { level: 1 }), "Page introuvable");
  });
});
