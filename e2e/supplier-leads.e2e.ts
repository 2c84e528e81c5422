import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SUPPLIER_API_KEY } from "../src/seed/demo";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectCount, expectText } from "./support/expect-text";
import { screenshotBoth } from "./support/layout";
import { fillCreditImmobilierLead } from "./support/lead-form";
import { setupE2e } from "./support/setup";

/** A KPI of the dashboard as a number ("1 234" → 1234). */
async function kpi(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(id).textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

/** The leads the page posts from now on (the form's only way to create one). */
function watchLeadPosts(page: Page): string[] {
  const posted: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/v1/leads")) posted.push(r.url());
  });
  return posted;
}

describe("Espace apporteur : saisie manuelle, fiche, liste et tableau de bord", () => {
  const e2e = setupE2e();
  // The demo seed already holds a month of leads: the tests count what they add to it.
  const before = { total: 0, accepted: 0, rejected: 0 };

  it("l'apporteur de démonstration se connecte et voit son tableau de bord", async () => {
    const { page } = e2e;
    await login(page, DEMO.supplier, DEMO.password);
    expect(new URL(page.url()).pathname).toBe("/apporteur");
    await expectText(page.getByRole("heading", { level: 1 }), "Tableau de bord");
    await expectText(page.locator(".topbar"), "LeadFactory Provence");
    await expectText(page.locator(".topbar"), "Karim Benali");
    await page.getByTestId("kpi-total").waitFor();
    before.total = await kpi(page, "kpi-total");
    before.accepted = await kpi(page, "kpi-accepted");
    before.rejected = await kpi(page, "kpi-rejected");
    expect(before.total).toBe(before.accepted + before.rejected);
    await expectText(page.getByRole("navigation", { name: "Espace apporteur" }), "Mes leads");
    await screenshot(page, "01-tableau-de-bord");
  });

  it("un lead saisi au formulaire est accepté, et sa fiche montre la preuve de consentement", async () => {
    const { page } = e2e;
    await fillCreditImmobilierLead(page, {
      firstName: "Élodie",
      lastName: "Fabre",
      phone: "06 98 76 54 01",
      email: "e2e-elodie.fabre@example.fr",
      postalCode: "13001",
      city: "Marseille",
      montantProjet: "285 000",
      ip: "82.64.123.45",
    });
    await screenshot(page, "02-nouveau-lead-rempli");
    await page.getByRole("button", { name: "Envoyer le lead" }).click();
    await expectText(page.getByRole("heading", { level: 2 }), "Lead accepté ✔");
    await screenshot(page, "03-nouveau-lead-accepte");

    await page.getByRole("link", { name: "Voir la fiche du lead" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Élodie Fabre");
    const main = page.locator("main");
    await expectText(main, "Accepté");
    await expectText(main, /Montant du projet\s*285\s000\s€/);
    await expectText(main, /Apport\s*Oui/);
    await expectText(main, /Délai du projet\s*Moins de 6 mois/);
    await expectText(main, "Empreinte vérifiée ✔");
    await expectText(main, "Non pré-cochée ✔");
    await expectText(main, "82.64.123.45");
    await expectText(main, "LA-2026-08-v1");
    await expectText(main, "(heure de Paris)");
    // The consent text itself is part of the proof.
    await page.getByText(/^Texte accepté/).click();
    await expectText(main, "J'accepte d'être contacté(e)");
    await screenshot(page, "04-fiche-lead-accepte");
  });

  it("un envoi à vide signale d'un coup tous les champs manquants, sans rien envoyer", async () => {
    const { page } = e2e;
    const posted = watchLeadPosts(page);
    await page.goto("/apporteur/nouveau");
    await page.getByRole("button", { name: "Envoyer le lead" }).click();
    const summary = page.locator(".form-summary");
    await expectText(summary, /1\d champs à corriger/);
    for (const field of ["Produit", "Prénom", "Nom", "Téléphone", "E-mail", "Code postal", "Ville", "Consentement — Adresse IP"]) {
      await expectText(summary.getByRole("link", { name: field, exact: true }), field);
    }
    await expectText(page.locator("#contact-phone-error"), "Information de contact manquante");
    // Each name leads to its field.
    await summary.getByRole("link", { name: "Code postal", exact: true }).click();
    expect(await page.evaluate(() => window.location.hash)).toBe("#contact-postalCode");
    await screenshotBoth(page, "05a-nouveau-lead-vide");
    expect(posted).toEqual([]);
  });

  it("les fautes de frappe sont signalées dans le navigateur avec les règles du serveur, et ne sont pas envoyées", async () => {
    const { page } = e2e;
    const posted = watchLeadPosts(page);
    await fillCreditImmobilierLead(page, {
      firstName: "Hugo",
      lastName: "Roux",
      phone: "01",
      email: "e2e-hugo.roux@example.fr",
      postalCode: "13001",
      city: "Lyon",
      ip: "192.168.1.20",
    });
    // The communes of the postal code are offered for the city as soon as it is typed.
    await expectText(page.locator("#contact-city-hint"), "Commune de ce code postal : Marseille");
    await page.getByRole("button", { name: "Envoyer le lead" }).click();
    await expectText(page.locator(".form-summary"), "3 champs à corriger");
    await expectText(page.locator("#field-montantProjet-error"), "Champ obligatoire manquant");
    await expectText(page.locator("#contact-phone-error"), "Numéro de téléphone invalide");
    await expectText(page.locator("#contact-city-error"), "La ville ne correspond pas au code postal");
    await screenshotBoth(page, "05b-nouveau-lead-fautes");
    // Nothing went out: a typo never counts as a rejected lead against the supplier.
    expect(posted).toEqual([]);
  });

  it("ce que seul le serveur sait (IP privée) revient en motif de rejet, à côté du champ en faute", async () => {
    const { page } = e2e;
    const posted = watchLeadPosts(page);
    await page.getByLabel("Montant du projet").fill("150000");
    await page.getByLabel("Téléphone", { exact: true }).fill("06 98 76 54 02");
    await page.getByLabel("Ville", { exact: true }).fill("Marseille");
    await page.getByRole("button", { name: "Envoyer le lead" }).click();
    await expectText(page.locator(".form-summary"), "Lead rejeté — 1 motif");
    await expectText(page.locator("#consent-ip-error"), "Adresse IP privée ou réservée");
    expect(posted).toHaveLength(1);
    await screenshot(page, "05-nouveau-lead-rejete");

    await page.getByRole("link", { name: "Voir le lead rejeté" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Hugo Roux");
    const main = page.locator("main");
    await expectText(main, "Lead rejeté");
    await expectText(main, "Aucune preuve enregistrée");
    // What was sent reads as a table, the reason on its line; the raw JSON waits behind its button.
    const sent = page.getByRole("table", { name: "Données envoyées, une ligne par valeur" });
    await expectText(sent.locator("tr", { hasText: "Consentement › Adresse IP" }), /192\.168\.1\.20\s*Adresse IP privée ou réservée/);
    await expectText(sent.locator("tr", { hasText: "Projet › Montant du projet" }), "150 000 €");
    expect(await page.getByRole("region", { name: "JSON brut reçu" }).count()).toBe(0);
    await screenshotBoth(page, "06-fiche-lead-rejete");
    await page.getByRole("button", { name: "Voir le JSON brut" }).click();
    await expectText(page.getByRole("region", { name: "JSON brut reçu" }), '"ip": "192.168.1.20"');
  });

  it("le formulaire suit le catalogue du produit choisi : dates, montants, départements, consentement oral", async () => {
    const { page } = e2e;
    await page.goto("/apporteur/nouveau");
    await page.getByLabel("Produit demandé par le prospect").selectOption({ label: "RC Décennale" });
    await expectText(page.locator("#section-fields"), "Projet — RC Décennale");
    await page.getByLabel("Prénom", { exact: true }).fill("Karim");
    await page.getByLabel("Nom", { exact: true }).fill("Plomberie-Sud");
    await page.getByLabel("Téléphone", { exact: true }).fill("07 81 22 33 01");
    await page.getByLabel("E-mail", { exact: true }).fill("e2e-karim.plomberie@example.fr");
    await page.getByLabel("Code postal", { exact: true }).fill("83000");
    await page.getByLabel("Ville", { exact: true }).fill("Toulon");
    await page.getByLabel("Corps de métier").fill("Plombier chauffagiste");
    await page.getByLabel("Date de création de l'entreprise").fill("2019-03-15");
    await page.getByLabel("Chiffre d'affaires").fill("180 000");
    await page.getByLabel("Zone d'intervention (départements)").fill("13, 83 2A");
    await expectText(page.getByRole("list", { name: "Départements reconnus" }), "13 Bouches-du-Rhône");
    await expectText(page.getByRole("list", { name: "Départements reconnus" }), "2A Corse-du-Sud");

    await page.getByLabel("Consentement oral (centre d'appels)").check();
    expect(await page.getByLabel("Adresse IP publique de l'internaute").count()).toBe(0);
    await page.getByLabel("Centre d'appels", { exact: true }).fill("Plateau Provence Conseil");
    await page.getByLabel("Téléconseiller").fill("Sonia M.");
    await page.getByLabel("Référence de l'enregistrement").fill("REC-2026-11-0042");
    await page.getByRole("button", { name: "Maintenant" }).click();
    await screenshot(page, "06b-nouveau-lead-oral");
    await page.getByRole("button", { name: "Envoyer le lead" }).click();
    await expectText(page.getByRole("heading", { level: 2 }), "Lead accepté ✔");
    await expectText(page.locator(".outcome"), "Karim Plomberie-Sud — RC Décennale");

    await page.getByRole("link", { name: "Voir la fiche du lead" }).click();
    const main = page.locator("main");
    await expectText(main, "Consentement oral (centre d'appels)");
    await expectText(main, /Centre d'appels\s*Plateau Provence Conseil/);
    await expectText(main, "REC-2026-11-0042");
    await expectText(main, /Date de création de l'entreprise\s*15\/03\/2019/);
    await expectText(main, /Chiffre d'affaires\s*180\s000\s€/);
    await expectText(main, "13 (Bouches-du-Rhône), 83 (Var), 2A (Corse-du-Sud)");
    await expectText(main, /Téléphone\s*07 81 22 33 01/);
    await expectText(main, "Empreinte vérifiée ✔");
    await screenshot(page, "06c-fiche-lead-oral");
  });

  it("la liste filtre par recherche et statut, exporte avec les mêmes filtres et ouvre la fiche", async () => {
    const { page } = e2e;
    await page.goto("/apporteur/leads");
    const rows = page.locator("table tbody tr");
    await expectCount(rows, 50);
    const total = (await (await page.request.get("/api/v1/leads?limit=1")).json()).total.count as number;
    expect(total).toBeGreaterThan(250);
    await expectText(page.locator(".table-footer"), `50 leads affichés sur ${total.toLocaleString("fr-FR").replace(/\s/g, " ")}`);
    await page.getByRole("button", { name: "Charger plus" }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(50);
    await screenshot(page, "07-liste-leads");

    await page.getByLabel("Recherche").fill("e2e-");
    await expectCount(rows, 3);
    await expectText(rows.nth(1), "Hugo Roux");
    await page.getByLabel("Statut").selectOption("rejected");
    await expectCount(rows, 1);
    await expectText(rows.first(), "Adresse IP privée ou réservée");
    const params = new URL(page.url()).searchParams;
    expect([params.get("q"), params.get("status")]).toEqual(["e2e-", "rejected"]);
    await screenshot(page, "07b-liste-leads-filtree");

    const exportLink = page.getByRole("link", { name: "Exporter en CSV" });
    expect(await exportLink.getAttribute("href")).toBe("/api/v1/leads/export.csv?status=rejected&q=e2e-");
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    const csv = await readFile((await download.path()) as string, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Roux");
    expect(lines[1]).toContain("Adresse IP privée ou réservée");

    await page.getByLabel("Recherche").fill("e2e-elodie");
    await page.getByLabel("Statut").selectOption("");
    await expectCount(rows, 1);
    await expectText(rows.first(), "Élodie Fabre");
    await rows.first().click();
    await expectText(page.getByRole("heading", { level: 1 }), "Élodie Fabre");
  });

  it("le tableau de bord compte les leads, par jour, par produit et par motif de rejet", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Tableau de bord" }).click();
    await expect.poll(() => kpi(page, "kpi-total")).toBe(before.total + 3);
    expect(await kpi(page, "kpi-accepted")).toBe(before.accepted + 2);
    expect(await kpi(page, "kpi-rejected")).toBe(before.rejected + 1);
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await expectText(page.locator(".hbars"), "Numéro de téléphone invalide");
    await expectText(page.locator(".hbars"), "Adresse IP privée ou réservée");
    const byProduct = page.locator("section", { has: page.getByRole("heading", { name: "Par produit" }) });
    await expectText(byProduct.locator("svg text", { hasText: "Crédit immobilier" }), "Crédit immobilier");
    await screenshot(page, "08-tableau-de-bord");

    // A week holds fewer of the seeded leads, and still today's three.
    await page.getByRole("button", { name: "7 jours" }).click();
    expect(new URL(page.url()).searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => kpi(page, "kpi-total")).toBeLessThan(before.total + 3);
    expect(await kpi(page, "kpi-total")).toBeGreaterThanOrEqual(3);
  });

  it("un lead envoyé par l'API avec un caractère nul est conservé : sa fiche le montre lisible et propose l'envoi exact", async () => {
    const { page, app } = e2e;
    const body = '{"product":"credit-immobilier","utm_source":"e2e","contact":{"firstName":"Zo\\u0000é","lastName":"E2E-Nul"}}';
    const res = await fetch(`${app.url}/api/v1/leads`, {
      method: "POST",
      headers: { authorization: `Bearer ${DEMO_SUPPLIER_API_KEY}`, "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(422);
    const { id } = (await res.json()) as { id: string };
    await page.goto(`/apporteur/leads/${id}`);
    const main = page.locator("main");
    await expectText(main, "Valeur invalide pour ce champ : caractère nul");
    // The raw JSON is behind its button since the sent data are shown as a table first.
    await page.getByRole("button", { name: "Voir le JSON brut" }).click();
    await expectText(main, '"firstName": "Zo�é"');
    await expectText(main, '"utm_source": "e2e"');
    const link = page.getByRole("link", { name: "télécharger l'envoi exact" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(await readFile((await download.path()) as string, "utf8")).toBe(body);
    await screenshot(page, "09-fiche-lead-envoi-exact");
  });
});
