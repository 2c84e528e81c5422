import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, users } from "../src/modules/accounts/schema";
import { createImport, getImport } from "../src/modules/intake/csv-import/imports";
import { makeLeadCsv } from "../src/modules/intake/csv-import/make-csv";
import { runImport } from "../src/modules/intake/csv-import/run-import";
import type { AuthContext } from "../src/platform/auth-context";
import { systemClock } from "../src/platform/clock";
import { DEMO_CONSENT_TEXT } from "../src/seed/demo-consent-text";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectText } from "./support/expect-text";
import { setupE2e } from "./support/setup";

const ROWS = 600;

describe("Espace apporteur : reprise d'un import interrompu", () => {
  const e2e = setupE2e();
  let csvPath = "";
  let kept = 0;

  it("un import coupé en cours de route apparaît « Interrompu », avec ses lignes conservées", async () => {
    const { db } = e2e.app.running.database;
    const [who] = await db
      .select({ userId: users.id, orgId: organisations.id, orgName: organisations.name })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.orgId))
      .where(eq(users.email, DEMO.supplier));
    if (!who) throw new Error("demo supplier missing");
    const auth: AuthContext = { ...who, orgKind: "apporteur", role: "supplier", apiKeyId: null, via: "session", csrfToken: null };
    const csv = Buffer.from(
      makeLeadCsv({ now: systemClock(), product: "assurance-auto", rows: ROWS, consentVersion: DEMO_CONSENT_TEXT.version }),
    );
    csvPath = path.join(tmpdir(), `e2e-reprise-${process.pid}.csv`);
    await writeFile(csvPath, csv);

    // The upload breaks after a few batches, as when the connection or the server goes down.
    const { id } = await createImport(db, auth, { product: "assurance-auto", filename: path.basename(csvPath), sizeBytes: csv.length });
    const body = new PassThrough();
    const running = runImport(db, auth, id, body, { clock: systemClock, batchSize: 100 });
    body.write(csv.subarray(0, Math.floor(csv.length * 0.6)));
    await expect.poll(async () => (await getImport(db, auth.orgId, id)).totalRows, { timeout: 30_000 }).toBeGreaterThanOrEqual(200);
    body.destroy(new Error("connexion coupée"));
    const { summary } = await running;
    expect(summary.status).toBe("interrupted");
    kept = summary.totalRows;

    await login(e2e.page, DEMO.supplier, DEMO.password);
    await e2e.page.getByRole("link", { name: "Import CSV" }).click();
    const row = e2e.page.getByRole("row").filter({ hasText: path.basename(csvPath) });
    await expectText(row, "Interrompu");
    await screenshot(e2e.page, "import-interrompu-liste");
  });

  it("« Reprendre » renvoie le même fichier : l'import continue à la ligne suivante et se termine", async () => {
    const { page } = e2e;
    await page
      .getByRole("row")
      .filter({ hasText: path.basename(csvPath) })
      .getByRole("button", { name: "Reprendre" })
      .click();
    await expectText(page.getByRole("heading", { level: 2, name: /Reprendre l'import/ }), path.basename(csvPath));
    await expectText(page.locator(".alert"), `reprend à la ligne ${(kept + 1).toLocaleString("fr-FR")}`);
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await screenshot(page, "import-reprise");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "import-reprise-mobile");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole("button", { name: "Reprendre l'import" }).click();
    await expectText(page.getByRole("heading", { level: 2, name: "Import terminé" }), "Import terminé");
    await expectText(page.getByTestId("import-total"), ROWS.toLocaleString("fr-FR"));
    await screenshot(page, "import-reprise-terminee");
  });
});
