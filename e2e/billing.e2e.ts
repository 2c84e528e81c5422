import { describe, expect, it } from "vitest";
import { extractPdfText } from "../tests/support/pdf-text";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectText } from "./support/expect-text";
import { PHONE, pageOverflow, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

describe("Espace courtier : crédits & factures", () => {
  const e2e = setupE2e();

  it("recharge par carte de démonstration, voit le solde et télécharge la facture", async () => {
    const { page } = e2e;
    await login(page, DEMO.broker, DEMO.password);
    await page.getByRole("link", { name: "Crédits & factures" }).click();
    await expectText(page.getByTestId("balance"), /^0,00\s€$/);
    await expectText(page.locator(".billing-demo"), "Carte de démonstration — aucun paiement réel");
    await expectText(page.locator(".billing-identity"), "TVA FR96552100554");
    await screenshotBoth(page, "40-credits-vide");

    // A declined card first: nothing is credited.
    await page.getByLabel("Pack 500 €").check();
    await page.getByLabel("Numéro de carte (démonstration)").fill("4000 0000 0000 0002");
    await page.getByRole("button", { name: /^Payer 600,00\s€ TTC$/ }).click();
    await expectText(page.locator(".billing-topup"), "Carte refusée (carte de démonstration)");
    await expectText(page.getByTestId("balance"), /^0,00\s€$/);

    await page.getByLabel("Numéro de carte (démonstration)").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: /^Payer 600,00\s€ TTC$/ }).click();
    await expectText(page.locator(".toasts"), "Paiement accepté");
    await expectText(page.getByTestId("balance"), /^530,00\s€$/);
    const ledgerRow = page.locator("tbody tr", { hasText: "Recharge Pack 500 €" });
    await expectText(ledgerRow, /\+530,00\s€/);
    const invoiceRow = page.locator("tbody tr", { hasText: /FA-\d{4}-000001/ });
    await expectText(invoiceRow, /600,00\s€/);
    expect(await pageOverflow(page)).toBe(0);
    await screenshot(page, "41-credits-recharge-1366");
    await page.setViewportSize(PHONE);
    expect(await pageOverflow(page)).toBe(0);
    await screenshot(page, "41-credits-recharge-390");
    await page.setViewportSize({ width: 1366, height: 900 });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      invoiceRow.getByRole("link", { name: /Télécharger la facture FA-\d{4}-000001/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^FA-\d{4}-000001\.pdf$/);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const text = (await extractPdfText(new Uint8Array(await readFile(path)))).pages.join("\n");
    expect(text).toContain("Cabinet Durand Courtage");
    expect(text).toContain("FR96552100554");
    expect(text).toContain("Total TTC 600,00 €");
    expect(text).toContain("40 €");

    // Last month's statement, as the accountant asks for it once the month has ended.
    const months = page.getByLabel("Relevé mensuel");
    const previous = await months.locator("option").nth(1).getAttribute("value");
    const previousLabel = (await months.locator("option").nth(1).textContent()) ?? "";
    await months.selectOption(previous ?? "");
    const [statement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Télécharger le relevé (PDF)" }).click(),
    ]);
    expect(statement.suggestedFilename()).toBe(`releve-credits-${previous}.pdf`);
    const statementText = (await extractPdfText(new Uint8Array(await readFile(await statement.path())))).pages.join("\n");
    expect(statementText).toContain(previousLabel.split(" ")[0]);
  });
});
