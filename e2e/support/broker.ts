import type { Page } from "playwright-core";
import { expectText } from "./expect-text";

/** The broker tops up 500 € (600 € TTC) with the demo card, on « Crédits & factures ». */
export async function topUpWithDemoCard(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Crédits & factures" }).click();
  await page.getByLabel("Pack 500 €").check();
  await page.getByLabel("Numéro de carte (démonstration)").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Payer 600,00\s€ TTC$/ }).click();
  await expectText(page.locator(".toasts"), "Paiement accepté");
}

/** Reserves the first lead of the marketplace and pays it in credits. */
export async function buyFirstMarketLead(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Salle de marché" }).first().click();
  await page.locator("main tbody tr").first().getByRole("button", { name: "Réserver" }).click();
  await page.getByRole("button", { name: /^Payer .* en crédits$/ }).click();
  await expectText(page.locator(".hold-panel--done"), "Lead acheté");
}

/** Logs out and waits for the login page. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Se déconnecter/ }).click();
  await page.waitForURL("**/connexion**");
}
