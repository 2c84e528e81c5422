import type { Page } from "playwright-core";

export interface FormLead {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  postalCode: string;
  city: string;
  montantProjet?: string;
  ip: string;
}

/** Fills the manual entry form for a "Crédit immobilier" lead collected by a web checkbox. */
export async function fillCreditImmobilierLead(page: Page, lead: FormLead): Promise<void> {
  await page.goto("/apporteur/nouveau");
  await page.getByLabel("Produit demandé par le prospect").selectOption("credit-immobilier");

  await page.getByLabel("Prénom", { exact: true }).fill(lead.firstName);
  await page.getByLabel("Nom", { exact: true }).fill(lead.lastName);
  await page.getByLabel("Téléphone", { exact: true }).fill(lead.phone);
  await page.getByLabel("E-mail", { exact: true }).fill(lead.email);
  await page.getByLabel("Code postal", { exact: true }).fill(lead.postalCode);
  // The form offers the communes of the code as soon as it is typed (from the API).
  await page.locator("#contact-city-hint").waitFor();
  await page.getByLabel("Ville", { exact: true }).fill(lead.city);

  await page.getByLabel("Type de projet").selectOption({ label: "Résidence principale" });
  if (lead.montantProjet !== undefined) await page.getByLabel("Montant du projet").fill(lead.montantProjet);
  await page.getByRole("group", { name: "Apport" }).getByLabel("Oui").check();
  await page.getByLabel("Situation professionnelle").selectOption({ label: "Fonctionnaire" });
  await page.getByLabel("Revenus mensuels nets").fill("3 200");
  await page.getByLabel("Délai du projet").selectOption({ label: "Moins de 6 mois" });

  await page.getByLabel(/Je confirme que le prospect/).check();
  await page.getByLabel("Adresse IP publique de l'internaute").fill(lead.ip);
  await page.getByLabel("URL de la page de collecte").fill("https://www.leadfactory-provence.fr/simulation-pret");
  await page
    .getByLabel("User-agent du navigateur")
    .fill("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
  await page.getByRole("button", { name: "Maintenant" }).click();
}
