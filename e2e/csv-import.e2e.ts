import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectCount, expectText } from "./support/expect-text";
import { setupE2e } from "./support/setup";

const PRODUCT = "credit-immobilier";

describe("Espace apporteur : import CSV", () => {
  const e2e = setupE2e();
  let csvPath = "";

  it("prépare un fichier à partir du modèle du produit et de la version de consentement en vigueur", async () => {
    const { page } = e2e;
    await login(page, DEMO.supplier, DEMO.password);
    await page.getByRole("link", { name: "Import CSV" }).click();
    await page.getByLabel("Produit", { exact: true }).selectOption(PRODUCT);
    const templateLink = page.getByRole("link", { name: "Télécharger le modèle CSV de ce produit" });
    expect(await templateLink.getAttribute("href")).toBe(`/api/v1/catalogue/${PRODUCT}/template.csv`);
    const [download] = await Promise.all([page.waitForEvent("download"), templateLink.click()]);
    const template = await readFile((await download.path()) as string, "utf8");
    const [header, sample] = parse(template, { delimiter: ";", bom: true }) as string[][];
    expect(header).toContain("consentement_version");
    expect(header).toContain("montantProjet");

    const texts = (await (await page.request.get("/api/v1/consent-texts")).json()) as { items: { version: string; publishedAt: string }[] };
    const current = [...texts.items].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0]?.version;
    expect(current).toBeTruthy();

    const at = (name: string) => {
      const i = (header as string[]).indexOf(name);
      expect(i, `colonne ${name}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const row = (changes: Record<string, string>) => {
      const cells = [...(sample as string[])];
      cells[at("consentement_version")] = current as string;
      for (const [name, value] of Object.entries(changes)) cells[at(name)] = value;
      return cells;
    };
    const rows = [
      row({ prenom: "Inès", nom: "Valid-Un", telephone: "06 70 00 00 01", email: "e2e-csv-1@example.fr", ref_externe: "E2E-1" }),
      row({ prenom: "Paul", nom: "Valid-Deux", telephone: "06 70 00 00 02", email: "e2e-csv-2@example.fr", ref_externe: "E2E-2" }),
      row({ prenom: "Zoé", nom: "Valid-Trois", telephone: "06 70 00 00 03", email: "e2e-csv-3@example.fr", ref_externe: "E2E-3" }),
      row({ prenom: "Marc", nom: "Rejet-Telephone", telephone: "12 34", email: "e2e-csv-4@example.fr", ref_externe: "E2E-4" }),
      row({
        prenom: "Léa",
        nom: "Rejet-Precoche",
        telephone: "06 70 00 00 05",
        email: "e2e-csv-5@example.fr",
        case_precochee: "oui",
        montantProjet: "beaucoup",
        ref_externe: "E2E-5",
      }),
    ];
    csvPath = path.join(tmpdir(), `e2e-import-${Date.now()}.csv`);
    await writeFile(csvPath, stringify([header as string[], ...rows], { delimiter: ";", record_delimiter: "windows" }));
  });

  it("envoie le fichier, montre l'avancement puis le bilan (lignes, acceptées, rejetées)", async () => {
    const { page } = e2e;
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await expectText(page.locator(".dropzone"), path.basename(csvPath));
    await screenshot(page, "09-import-fichier-choisi");

    // Holds the upload a moment so that the progress screen can be seen and checked.
    await page.route(
      "**/api/v1/imports/*/file",
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      },
      { times: 1 },
    );
    await page.getByRole("button", { name: "Importer le fichier" }).click();
    await expectText(page.getByRole("heading", { level: 2 }).first(), "Import en cours");
    await page.getByRole("progressbar", { name: "Envoi du fichier" }).waitFor();
    await page.getByRole("progressbar", { name: "Traitement des lignes" }).waitFor();
    await screenshot(page, "10-import-en-cours");

    await expectText(page.locator("#import-summary-title"), "Import terminé", 30_000);
    await expectText(page.getByTestId("import-total"), /^5$/);
    await expectText(page.getByTestId("import-accepted"), /^3$/);
    await expectText(page.getByTestId("import-rejected"), /^2$/);
    await screenshot(page, "11-import-termine");
  });

  it("le rapport téléchargé contient les lignes rejetées et tous leurs motifs", async () => {
    const { page } = e2e;
    const link = page.getByRole("link", { name: "Télécharger le rapport des lignes rejetées" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^rejets-e2e-import-\d+\.csv$/);
    const report = parse(await readFile((await download.path()) as string, "utf8"), { delimiter: ";", bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(report.map((r) => r.nom)).toEqual(["Rejet-Telephone", "Rejet-Precoche"]);
    expect(report.map((r) => r.ligne)).toEqual(["4", "5"]);
    expect(report[0]?.motifs_rejet).toContain("Numéro de téléphone invalide");
    expect(report[1]?.motifs_rejet).toContain("Case de consentement pré-cochée");
    expect(report[1]?.motifs_rejet).toContain("Montant du projet");
    expect(report[1]?.codes_rejet).toContain("consent_prechecked");
  });

  it("les leads de l'import s'ouvrent dans la liste filtrée, et l'import figure dans l'historique", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Voir les leads de cet import" }).click();
    expect(new URL(page.url()).searchParams.get("importId")).toMatch(/^[0-9a-f-]{36}$/);
    const rows = page.locator("table tbody tr");
    await expectCount(rows, 5);
    await expectText(page.locator(".chip-row"), "Import n°");
    await expectText(page.locator("table"), "Import CSV");
    await screenshot(page, "12-leads-de-l-import");

    await page.goto("/apporteur/import");
    const history = page.locator("section", { has: page.getByRole("heading", { name: "Imports précédents" }) });
    await expectCount(history.locator("tbody tr"), 1);
    await expectText(history.locator("tbody tr").first(), "Terminé");
    await expectText(history.locator("tbody tr").first(), "Crédit immobilier");
    await screenshot(page, "13-historique-imports");
  });
});
