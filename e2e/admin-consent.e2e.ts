import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectCount, expectText } from "./support/expect-text";
import { setupE2e } from "./support/setup";

describe("Administration : textes de consentement", () => {
  const e2e = setupE2e();

  it("l'administrateur arrive sur les versions publiées et lit le texte intégral", async () => {
    const { page } = e2e;
    await login(page, DEMO.admin, DEMO.password);
    expect(new URL(page.url()).pathname).toBe("/admin/consentements");
    const versions = page.locator(".version-list > li");
    // The demo publishes the main text and the reinforced consent of RDV (decision 016): each is in force.
    await expectCount(versions, 2);
    const main = versions.filter({ hasText: "LA-2026-08-v1" });
    await expectText(main, "En vigueur");
    await expectText(main, /SHA-256\s*[0-9a-f]{64}/);
    await main.getByText("Texte intégral").click();
    await expectText(main, "J'accepte d'être contacté(e)");
    await expectText(versions.filter({ hasText: "RDV-2026-08-v1" }), "Consentement renforcé RDV");
    await screenshot(page, "17-admin-consentements");
  });

  it("publie une nouvelle version après avertissement et confirmation", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: "Nouvelle version" }).click();
    await expectText(page.locator("form"), "La publication est définitive.");
    await page.getByLabel("Identifiant de version").fill("LA-2026-12-v2");
    await page.getByLabel("Titre").fill("Consentement au démarchage — assurance, crédit et épargne");
    await page.getByLabel("Texte présenté au prospect").fill("Trop court.");
    await page.getByLabel("Partenaires destinataires").fill("Courtiers en assurance partenaires (ORIAS)\nCourtiers IOBSP partenaires");
    await page.getByRole("button", { name: "Publier cette version…" }).click();
    await expectText(page.locator("#ct-body-error"), "Texte trop court");

    await page
      .getByLabel("Texte présenté au prospect")
      .fill(
        "J'accepte d'être contacté(e) par téléphone, e-mail ou SMS au sujet de ma demande par LeadsAssurance et ses courtiers partenaires en assurance, crédit et épargne, immatriculés à l'ORIAS. Ce consentement est libre et révocable à tout moment.",
      );
    await page.getByRole("button", { name: "Publier cette version…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publier la version LA-2026-12-v2 ?" });
    await expectText(dialog, "Cette publication est définitive.");
    await screenshot(page, "18-admin-publication-confirmation");
    await dialog.getByRole("button", { name: "Publier définitivement" }).click();

    await expectText(page.locator(".toasts"), "Version LA-2026-12-v2 publiée.");
    const versions = page.locator(".version-list > li");
    await expectCount(versions, 3);
    await expectText(versions.first(), "LA-2026-12-v2");
    await expectText(versions.first(), "En vigueur");
    expect(await versions.filter({ hasText: "LA-2026-08-v1" }).textContent()).not.toContain("En vigueur");
    await screenshot(page, "19-admin-version-publiee");
  });

  it("une version déjà publiée ne peut pas être republiée : l'erreur du serveur s'affiche sur le champ", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: "Nouvelle version" }).click();
    await page.getByLabel("Identifiant de version").fill("LA-2026-12-v2");
    await page.getByLabel("Titre").fill("Doublon");
    await page
      .getByLabel("Texte présenté au prospect")
      .fill("Un texte de consentement suffisamment long pour passer la vérification locale de longueur.");
    await page.getByLabel("Partenaires destinataires").fill("Courtiers partenaires");
    await page.getByRole("button", { name: "Publier cette version…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Publier définitivement" }).click();
    await expectText(page.locator("#ct-version-error"), "Cette version de texte de consentement existe déjà");
  });
});
