import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { extractPdfText } from "../tests/support/pdf-text";
import { DEMO } from "./support/app";
import { login } from "./support/browser";
import { expectText } from "./support/expect-text";
import { pageOverflow, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

// A real SIREN (Luhn key) and its VAT key: (12 + 3 × (542065479 mod 97)) mod 97.
const SIREN = "542065479";
const vatKey = (12 + 3 * (Number(SIREN) % 97)) % 97;
const CABINET = {
  name: "Courtage des Calanques",
  siren: SIREN,
  vat: `FR${String(vatKey).padStart(2, "0")}${SIREN}`,
  orias: "21004877",
  email: "lea@courtage-calanques.test",
  password: "un-mot-de-passe-solide",
};

describe("§9 : un nouveau cabinet s'inscrit, est vérifié, recharge ses crédits, achète un lead en salle de marché et télécharge sa facture", () => {
  const e2e = setupE2e();

  it("le cabinet s'inscrit (« Créer un compte courtier »)", async () => {
    const { page } = e2e;
    await page.goto("/inscription-courtier");
    await page.getByLabel("Raison sociale").fill(CABINET.name);
    await page.getByLabel("SIREN").fill(CABINET.siren);
    await page.getByLabel("N° de TVA intracommunautaire").fill(CABINET.vat);
    await page.getByLabel("Adresse", { exact: true }).fill("8 rue Sainte");
    await page.getByLabel("Code postal").fill("13001");
    await page.getByLabel("Ville").fill("Marseille");
    await page.getByLabel("Numéro ORIAS").fill(CABINET.orias);
    // Insurance and credit intermediary: the listing's first lead may be of either domain.
    await page.getByLabel(/^COA/).check();
    await page.getByLabel(/^COBSP/).check();
    await page.getByLabel("Prénom").fill("Léa");
    await page.getByLabel("Nom", { exact: true }).fill("Marchetti");
    await page.getByLabel("Adresse e-mail").fill(CABINET.email);
    await page.getByLabel("Mot de passe").fill(CABINET.password);
    await page.getByRole("button", { name: "Créer le compte du cabinet" }).click();
    await page.waitForURL("**/courtier/cabinet");
    await expectText(page.locator("main"), "Inscription ORIAS en cours de vérification");
  });

  it("l'opérateur vérifie son inscription ORIAS (/admin/courtiers)", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: /Se déconnecter/ }).click();
    await page.waitForURL("**/connexion**");
    await login(page, DEMO.admin, DEMO.password);
    await page.goto("/admin/courtiers");
    const row = page.locator(`tr[data-orias="${CABINET.orias}"]`);
    await expectText(row, CABINET.name);
    await row.getByRole("button", { name: "Catégories…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Courtiers en assurance santé et prévoyance").check();
    await dialog.getByLabel("Courtiers en crédit immobilier").check();
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await expectText(page.locator(".toasts"), "Catégories enregistrées.");
    await row.getByRole("button", { name: "Vérifier" }).click();
    await expectText(page.locator(".toasts"), `${CABINET.name} : inscription ORIAS vérifiée.`);
  });

  it("le cabinet recharge ses crédits par carte de démonstration (Crédits & factures)", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: /Se déconnecter/ }).click();
    await page.waitForURL("**/connexion**");
    await login(page, CABINET.email, CABINET.password);
    await page.getByRole("link", { name: "Crédits & factures" }).click();
    await expectText(page.getByTestId("balance"), /^0,00\s€$/);
    await page.getByLabel("Pack 500 €").check();
    await page.getByLabel("Numéro de carte (démonstration)").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: /^Payer 600,00\s€ TTC$/ }).click();
    await expectText(page.locator(".toasts"), "Paiement accepté");
    await expectText(page.getByTestId("balance"), /^530,00\s€$/);
  });

  it("achète un lead en salle de marché (réserver, payer en crédits) et voit le contact du prospect", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Salle de marché" }).first().click();
    await page.waitForURL("**/courtier/salle-de-marche");
    // The demo seed's recent leads are in stock: the market worker stocked them at start.
    const firstRow = page.locator("main tbody tr").first();
    await expectText(firstRow, "Réserver");
    // Before purchase: no name, phone or e-mail in the listing.
    const listing = (await page.locator("main table").textContent()) ?? "";
    expect(listing).not.toMatch(/@|prospect\./);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "50-salle-de-marche");

    await firstRow.getByRole("button", { name: "Réserver" }).click();
    await expectText(page.locator(".hold-panel"), "Lead réservé pour vous");
    await expectText(page.locator(".hold-panel"), /Solde : 530,00\s€/);
    await screenshotBoth(page, "51-salle-de-marche-reservation");
    await page.getByRole("button", { name: /^Payer .* en crédits$/ }).click();
    const done = page.locator(".hold-panel--done");
    await expectText(done, "Lead acheté");
    await expectText(done, /@exemple-demo\.fr/);
    const phone = await done.locator('a[href^="tel:"]').getAttribute("href");
    expect(phone).toMatch(/^tel:\+?\d{9,}/);
    await screenshotBoth(page, "52-salle-de-marche-achete");
  });

  it("achète un second lead en une fois avec ses crédits (« Acheter », sans réservation)", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: "Retour à la salle de marché" }).click();
    const row = page.locator("main tbody tr").first();
    await row.getByRole("button", { name: "Acheter", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Acheter ce lead en crédits ?" });
    await expectText(dialog.getByTestId("buy-balance"), /Solde : \d[\d\s]*,\d\d\s€, .* après l'achat/);
    await screenshotBoth(page, "54-salle-de-marche-achat-direct");
    await dialog.getByRole("button", { name: /^Acheter \(.* HT\)$/ }).click();
    const done = page.locator(".hold-panel--done");
    await expectText(done, "Lead acheté");
    await expectText(done, /@exemple-demo\.fr/);
    expect(await pageOverflow(page)).toBe(0);
  });

  it("l'accueil montre la dépense du mois, les leads reçus cette semaine et le solde; « Mes commandes » s'affiche", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Accueil" }).click();
    await page.waitForURL((url) => url.pathname === "/courtier" || url.pathname === "/courtier/");
    await expectText(page.getByTestId("kpi-week"), "2");
    await expectText(page.locator("main table"), "Salle de marché");
    const spent = (await page.getByTestId("kpi-month-spent").textContent()) ?? "";
    const balance = (await page.getByTestId("kpi-balance").textContent()) ?? "";
    const cents = (s: string) => Number(s.replace(/[^\d,]/g, "").replace(",", "."));
    expect(cents(spent)).toBeGreaterThan(0);
    expect(Math.round((cents(spent) + cents(balance)) * 100)).toBe(53_000);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "53-accueil-courtier");

    await page.getByRole("link", { name: "Mes commandes" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Mes commandes");
    await page.getByRole("button", { name: "Nouvelle commande" }).click();
    await page.getByLabel("Nom de la commande").fill("Auto Provence");
    await page.getByLabel("Assurance auto", { exact: true }).check();
    await page.getByLabel("Départements").selectOption(["13", "83"]);
    await page.getByLabel("Plafond par semaine").fill("20");
    await page.getByLabel("Plafond par jour (facultatif)").fill("5");
    await expectText(page.locator("form"), /La semaine dernière, \d+ lead\(s\) accepté\(s\) correspondaient/);
    await page.getByRole("button", { name: "Créer la commande" }).click();
    const orderRow = page.locator("tbody tr", { hasText: "Auto Provence" });
    await expectText(orderRow, "0 / 20");
    await expectText(orderRow, "13, 83");
    await expectText(orderRow, "Active");
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "54-mes-commandes");
  });

  it("télécharge la facture de sa recharge", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Crédits & factures" }).click();
    const invoiceRow = page.locator("tbody tr", { hasText: /FA-\d{4}-\d{6}/ }).first();
    await expectText(invoiceRow, /600,00\s€/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      invoiceRow.getByRole("link", { name: /Télécharger la facture FA-\d{4}-\d{6}/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^FA-\d{4}-\d{6}\.pdf$/);
    const text = (await extractPdfText(new Uint8Array(await readFile(await download.path())))).pages.join("\n");
    expect(text).toContain(CABINET.name);
    expect(text).toContain(CABINET.vat);
    expect(text).toContain("13001 Marseille");
    expect(text).toContain("Total TTC 600,00 €");
  });

  it("l'opérateur voit les commandes des cabinets", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: /Se déconnecter/ }).click();
    await page.waitForURL("**/connexion**");
    await login(page, DEMO.admin, DEMO.password);
    await page.getByRole("link", { name: "Commandes des cabinets" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Commandes des cabinets");
    const row = page.locator("tbody tr", { hasText: "Auto Provence" });
    await expectText(row, CABINET.name);
    await expectText(row, "0 / 20");
    await expectText(row, "Active");
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "55-admin-commandes");
  });

  it("l'apporteur voit dans son tableau de bord que ses leads ont été vendus, où et à quel prix", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: /Se déconnecter/ }).click();
    await page.waitForURL("**/connexion**");
    await login(page, DEMO.supplier, DEMO.password);
    await page.goto("/apporteur");
    const sales = page.locator("section", { has: page.getByRole("heading", { name: "Ventes de vos leads" }) });
    await expectText(sales.getByTestId("kpi-sold"), "2");
    await expectText(sales, "Salle de marché");
    await expectText(sales.locator("tbody tr").first(), /\d{2} — /);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "56-apporteur-ventes");
  });
});
