import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { makeSiret } from "../src/seed/fixtures/siret";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectText } from "./support/expect-text";
import { setupE2e } from "./support/setup";

// An export as French Excel writes it: Windows-1252, ";", CRLF. Two rows for one client (same reference),
// a TNS artisan with his SIRET, and a row whose SIRET has a wrong check digit.
const HEADER =
  "N° client;Civilité;Nom;Prénom;Né(e) le;Code postal;Ville;Téléphone;SIRET;Catégorie;Date d'effet;Prime annuelle;DP signées;Conseiller";
const ROWS = [
  "E2E-001;Mme;Lambertin;Odile;14/03/1979;13008;Marseille;06 41 22 33 44;;Auto;10/01/2026;612,40;Non;Jocelyne Martin",
  "E2E-001;Mme;Lambertin;Odile;14/03/1979;13008;Marseille;;;MRH;02/02/2026;188;Oui;Jocelyne Martin",
  `E2E-002;M.;Ferrandi;Luc;02/09/1968;13009;Marseille;06 41 55 66 77;${makeSiret("51234567")};RC décennale;05/11/2025;2 150;Oui;`,
  "E2E-003;M.;Erronné;Paul;;13001;Marseille;;73282932049837;Auto;01/12/2025;400;Oui;",
];

describe("Espace courtier : import du CRM et fiche client", () => {
  const e2e = setupE2e();
  let csvPath = "";

  it("analyse le fichier et propose la correspondance des colonnes, que l'administrateur complète", async () => {
    const { page } = e2e;
    csvPath = path.join(tmpdir(), `export-crm-e2e-${Date.now()}.csv`);
    await writeFile(csvPath, iconv.encode(`${[HEADER, ...ROWS].join("\r\n")}\r\n`, "windows-1252"));
    await login(page, DEMO.broker, DEMO.password);
    await page.getByRole("link", { name: "Import CRM" }).click();
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await page.getByRole("button", { name: "Analyser les colonnes" }).click();
    await expectText(page.getByRole("heading", { level: 2 }).first(), "Correspondance des colonnes");
    await expectText(page.locator("main"), "encodage Windows (Excel), séparateur « ; »");
    // Recognised from the header names, accents included despite the Windows encoding.
    expect(await page.getByLabel("Prénom", { exact: true }).inputValue()).toBe("firstName");
    expect(await page.getByLabel("N° client").inputValue()).toBe("clientRef");
    expect(await page.getByLabel("Conseiller").inputValue()).toBe("accountManager");
    // "Catégorie" means nothing to the suggestion: the product must be chosen by hand before importing.
    expect(await page.getByLabel("Catégorie").inputValue()).toBe("");
    await expectText(page.getByRole("status").filter({ hasText: "Correspondance incomplète" }), "Produit / branche");
    expect(await page.getByRole("button", { name: "Lancer l'import" }).isDisabled()).toBe(true);
    await page.getByLabel("Catégorie").selectOption("productLine");
    await screenshot(page, "30-crm-import-correspondance");
  });

  it("importe, regroupe les lignes d'un même client et affiche le bilan", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: "Lancer l'import" }).click();
    await expectText(page.locator("#crm-import-report-title"), "Import terminé", 30_000);
    await expectText(page.getByTestId("crm-import-total"), /^4$/);
    await expectText(page.getByTestId("crm-import-clients-created"), /^2$/);
    await expectText(page.getByTestId("crm-import-contracts"), /^3 \/ 0$/);
    await expectText(page.getByTestId("crm-import-rejected"), /^1$/);
    await screenshot(page, "31-crm-import-bilan");
  });

  it("le rapport des lignes rejetées donne le motif en français, colonne du fichier à l'appui", async () => {
    const { page } = e2e;
    const link = page.getByRole("link", { name: "Télécharger les lignes rejetées et leurs motifs" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^rejets-export-crm-e2e-\d+\.csv$/);
    const report = parse(await readFile((await download.path()) as string, "utf8"), { delimiter: ";", bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(report.map((r) => [r.ligne, r.Nom])).toEqual([["5", "Erronné"]]);
    expect(report[0]?.motifs_rejet).toContain("SIRET : SIRET invalide : la clé de contrôle ne correspond pas");
  });

  it("la fiche du client importé montre ses deux contrats, leurs signatures et les pièces manquantes", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Voir les clients" }).click();
    await page.getByLabel("Recherche").fill("lambertin");
    const row = page.locator("table tbody tr").filter({ hasText: "LAMBERTIN Odile" });
    await row.waitFor();
    await expectText(row, "2 contrats");
    await row.getByRole("link", { name: "LAMBERTIN Odile" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "LAMBERTIN Odile");
    await expectText(page.locator("main"), "Suivi par Jocelyne Martin");
    const auto = page.getByRole("article", { name: "Contrat Auto" });
    await expectText(auto, "DP non signées");
    await expectText(auto, "612,40");
    await expectText(page.getByRole("article", { name: "Contrat Habitation (MRH)" }), "DP signées");
    await expectText(page.locator("#client-checklist-title"), "à compléter");
    await screenshot(page, "32-crm-fiche-client-importe");
  });
});
