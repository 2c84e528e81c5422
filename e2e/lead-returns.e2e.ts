import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { buyFirstMarketLead, logOut, topUpWithDemoCard } from "./support/broker";
import { login } from "./support/browser";
import { expectText } from "./support/expect-text";
import { pageOverflow, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

describe("Issue 12 §2 : un courtier conteste un lead, l'opérateur accepte, les crédits reviennent", () => {
  const e2e = setupE2e();
  const balance = async () => ((await e2e.page.getByTestId("balance").textContent()) ?? "").trim();

  it("le courtier achète un lead puis le conteste depuis sa fiche", async () => {
    const { page } = e2e;
    await login(page, DEMO.broker, DEMO.password);
    await topUpWithDemoCard(page);
    await buyFirstMarketLead(page);
    await page.getByRole("link", { name: "Crédits & factures" }).click();
    const afterPurchase = await balance();
    expect(afterPurchase).not.toBe("530,00 €");

    await page.getByRole("link", { name: "Mes leads et RDV" }).click();
    await page.locator("main tbody tr").first().locator(".table__primary").click();
    await page.getByRole("button", { name: "Contester ce lead…" }).click();
    const form = page.getByRole("form", { name: "Contester ce lead" });
    await form.getByLabel("Motif de la contestation").selectOption("faux_numero");
    await form.getByLabel("Précisions pour LeadsAssurance").fill("Numéro non attribué");
    await form.getByRole("button", { name: "Envoyer la contestation" }).click();
    await expectText(page.getByTestId("bl-return-status"), "En attente");
    await screenshotBoth(page, "63-fiche-contestation");
  });

  it("l'opérateur l'accepte dans sa file des contestations", async () => {
    const { page } = e2e;
    await logOut(page);
    await login(page, DEMO.admin, DEMO.password);
    await page.getByRole("link", { name: "Contestations" }).click();
    const row = page.locator("tbody tr").first();
    await expectText(row, "Cabinet Durand Courtage");
    await expectText(row, "Faux numéro");
    await expectText(row, "1 contestation(s) / 1 achat(s)");
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "64-admin-contestations");
    await row.getByRole("button", { name: "Accepter" }).click();
    await expectText(page.locator(".toasts"), /Acceptée : .* recrédités à Cabinet Durand Courtage/);
  });

  it("le courtier retrouve ses 530 € de crédits et la contestation acceptée sur la fiche", async () => {
    const { page } = e2e;
    await logOut(page);
    await login(page, DEMO.broker, DEMO.password);
    await page.getByRole("link", { name: "Crédits & factures" }).click();
    await expectText(page.getByTestId("balance"), /^530,00\s€$/);
    await page.getByRole("link", { name: "Mes leads et RDV" }).click();
    await page.locator("main tbody tr").first().locator(".table__primary").click();
    await expectText(page.getByTestId("bl-return-status"), "Acceptée");
    await expectText(page.getByTestId("bl-timeline"), "Contestation acceptée : crédits remboursés");
  });
});
