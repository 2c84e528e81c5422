import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { login } from "./support/browser";
import { expectText } from "./support/expect-text";
import { pageOverflow, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

// A real SIREN key (Luhn) and its VAT key: (12 + 3 × (303265045 mod 97)) mod 97 = 40.
const CABINET = {
  name: "Courtage du Vieux-Port",
  siren: "303265045",
  vat: "FR40303265045",
  orias: "19004521",
  email: "nadia@courtage-vieux-port.test",
};

describe("Un cabinet s'inscrit, l'opérateur vérifie son inscription ORIAS", () => {
  const e2e = setupE2e();

  it("« Créer un compte courtier » : les erreurs s'affichent sur leur champ, puis le cabinet attend la vérification", async () => {
    const { page } = e2e;
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Créer un compte courtier" }).click();
    await page.waitForURL("**/inscription-courtier");
    await page.getByLabel("Raison sociale").fill(CABINET.name);
    await page.getByLabel("SIREN").fill("303265046");
    await page.getByLabel("N° de TVA intracommunautaire").fill(CABINET.vat);
    await page.getByLabel("Adresse", { exact: true }).fill("3 quai du Port");
    await page.getByLabel("Code postal").fill("13002");
    await page.getByLabel("Ville").fill("Marseille");
    await page.getByLabel("Numéro ORIAS").fill(CABINET.orias);
    await page.getByLabel(/^COA/).check();
    await page.getByLabel(/^COBSP/).check();
    await page.getByLabel("Prénom").fill("Nadia");
    await page.getByLabel("Nom", { exact: true }).fill("Ferhat");
    await page.getByLabel("Adresse e-mail").fill(CABINET.email);
    await page.getByLabel("Mot de passe").fill("un-mot-de-passe-solide");
    await page.getByRole("button", { name: "Créer le compte du cabinet" }).click();
    await expectText(page.locator("#signup-siren-error"), "SIREN invalide : la clé de contrôle ne correspond pas");
    await screenshotBoth(page, "40-inscription-courtier-erreur");

    await page.getByLabel("SIREN").fill(CABINET.siren);
    await page.getByRole("button", { name: "Créer le compte du cabinet" }).click();
    await page.waitForURL("**/courtier/cabinet");
    await expectText(page.locator("main"), "Inscription ORIAS en cours de vérification");
    await expectText(page.locator("main"), CABINET.orias);
    await expectText(page.locator("main"), "COBSP — Courtier en opérations de banque");
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "41-courtier-cabinet-en-attente");
  });

  it("l'opérateur voit le cabinet à vérifier avec son numéro ORIAS (lien vers orias.fr), le vérifie et lui attribue ses catégories", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: /Se déconnecter/ }).click();
    await page.waitForURL("**/connexion**");
    await login(page, DEMO.admin, DEMO.password);
    await page.getByRole("link", { name: "Cabinets à vérifier" }).click();
    const row = page.locator(`tr[data-orias="${CABINET.orias}"]`);
    await expectText(row, CABINET.name);
    await expectText(row, "À vérifier");
    expect(await row.getByRole("link", { name: CABINET.orias }).getAttribute("href")).toBe(
      `https://www.orias.fr/search?registrationNumber=${CABINET.orias}`,
    );
    await screenshotBoth(page, "42-admin-cabinets-a-verifier");

    await row.getByRole("button", { name: "Catégories…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Courtiers en assurance santé et prévoyance").check();
    await dialog.getByLabel("Courtiers en crédit immobilier").check();
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await expectText(page.locator(".toasts"), "Catégories enregistrées.");
    await expectText(row, "Courtiers en crédit immobilier");

    await row.getByRole("button", { name: "Vérifier" }).click();
    await expectText(page.locator(".toasts"), `${CABINET.name} : inscription ORIAS vérifiée.`);
    await page.getByLabel("Statut").selectOption("verified");
    const verified = page.locator(`tr[data-orias="${CABINET.orias}"]`);
    await expectText(verified, "Vérifié");
    await expectText(verified, "par Claire Opérateur");
    await screenshotBoth(page, "43-admin-cabinet-verifie");
  });

  it("le cabinet voit son inscription vérifiée", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: /Se déconnecter/ }).click();
    await page.waitForURL("**/connexion**");
    await login(page, CABINET.email, "un-mot-de-passe-solide");
    await page.goto("/courtier/cabinet");
    await expectText(page.locator("main"), "Inscription ORIAS vérifiée");
    await expectText(page.locator("main"), "Courtiers en assurance santé et prévoyance");
    await screenshotBoth(page, "44-courtier-cabinet-verifie");
  });
});
