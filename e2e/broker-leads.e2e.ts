import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { extractPdfText } from "../tests/support/pdf-text";
import { DEMO } from "./support/app";
import { buyFirstMarketLead, topUpWithDemoCard } from "./support/broker";
import { login } from "./support/browser";
import { expectText } from "./support/expect-text";
import { pageOverflow, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

describe("Issue 12 §1 : le courtier ouvre un lead acheté, voit la preuve vérifiée, télécharge le PDF, le passe « contacté » puis « vendu » et retrouve le client dans le CRM", () => {
  const e2e = setupE2e();
  let prospect = "";

  it("le cabinet de démonstration recharge ses crédits et achète un lead en salle de marché", async () => {
    const { page } = e2e;
    await login(page, DEMO.broker, DEMO.password);
    await topUpWithDemoCard(page);
    await buyFirstMarketLead(page);
  });

  it("« Mes leads et RDV » : le lead est là, nouveau, avec son délai d'appel ; le tableau de bord le compte", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Mes leads et RDV" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Mes leads et RDV");
    await expectText(page.getByTestId("bl-received"), "1");
    await expectText(page.getByTestId("bl-total"), "1 lead(s)");
    const row = page.locator("main tbody tr").first();
    await expectText(row, "Nouveau");
    await expectText(row, /J-\d+|Délai dépassé/);
    prospect = ((await row.locator(".table__primary").textContent()) ?? "").trim();
    expect(prospect.length).toBeGreaterThan(2);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "60-mes-leads");
  });

  it("la fiche montre la preuve de consentement vérifiée et le PDF de preuve se télécharge", async () => {
    const { page } = e2e;
    await page.locator("main tbody tr").first().locator(".table__primary").click();
    await expectText(page.getByRole("heading", { level: 1 }), prospect);
    await expectText(page.locator(".proof").first(), "Empreinte vérifiée ✔");
    await expectText(
      page.locator("section", { has: page.getByRole("heading", { name: "Intégrité de la preuve" }) }),
      /Intègre ✔|Scellement en cours/,
    );
    await expectText(page.locator("section", { has: page.getByRole("heading", { name: "Quand appeler" }) }), "Heures d'appel légales");
    await expectText(page.getByTestId("bl-timeline"), "Acheté en salle de marché");
    const fingerprint = ((await page.locator(".proof__fingerprint code").textContent()) ?? "").trim();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "61-fiche-lead");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("bl-proof-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/^preuve-consentement-[0-9a-f-]{36}\.pdf$/);
    const text = (await extractPdfText(new Uint8Array(await readFile(await download.path())))).pages.join("\n");
    expect(text).toContain("Preuve de consentement");
    expect(text).toContain(fingerprint);
    expect(text).toContain("Texte accepté, en entier");
    expect(text).toMatch(/Intégrité : (VÉRIFIÉE|EN COURS DE SCELLEMENT)/);
  });

  it("le courtier le passe « contacté » puis « vendu » en créant le client, qu'il retrouve dans le CRM", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: "Marquer contacté" }).click();
    await expectText(page.getByTestId("bl-status"), "Contacté");
    await page.getByRole("button", { name: "Marquer vendu…" }).click();
    const form = page.getByRole("form", { name: "Marquer vendu" });
    if (!(await form.getByLabel("Produit du contrat").inputValue())) await form.getByLabel("Produit du contrat").selectOption("sante");
    await form.getByLabel("Date d'effet").fill("2026-12-15");
    await form.getByLabel("Compagnie").fill("Allianz");
    await form.getByRole("button", { name: "Confirmer : vendu" }).click();
    await expectText(page.locator(".toasts"), "Vendu : client créé dans le CRM");
    await expectText(page.getByTestId("bl-status"), "Vendu");
    await expectText(page.getByTestId("bl-timeline"), "Statut : Vendu");
    await screenshotBoth(page, "62-fiche-lead-vendu");
    await page.getByRole("link", { name: "Voir le client dans le CRM" }).click();
    await page.waitForURL("**/courtier/clients/**");
    const lastName = prospect.split(" ").at(-1) ?? prospect;
    await expectText(page.getByRole("heading", { level: 1 }), new RegExp(lastName, "i"));
  });
});
