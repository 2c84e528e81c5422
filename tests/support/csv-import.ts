import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { csvHeader } from "../../src/modules/catalogue/rules";
import { csvTemplate } from "../../src/modules/intake/csv-import/template";
import { leads } from "../../src/modules/intake/schema";
import { systemClock } from "../../src/platform/clock";
import { asUser, type Session, type TestContext } from "./test-app";

/**
 * Hand-made CSV files for the tests: the product template's example row, made unique per row, with
 * the cells a test wants changed. Test-only, not used by the server.
 */

/** Rows are unique per process (a counter from a random start), so that no two rows of a test are duplicates by chance. */
let n = Math.floor(Math.random() * 5_000_000);

/** `now`: the app's clock (the system's unless the test handed the app another). */
export function templateRecord(product: string, consentVersion: string, now: Date = systemClock()): Record<string, string> {
  const [record] = parse(csvTemplate(product, now), { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
  if (!record) throw new Error("empty template");
  const i = ++n;
  // 061: a mainland block where every number is valid (parts of 063x and 069x are overseas, and stricter).
  const digits = String(i % 10_000_000).padStart(7, "0");
  return { ...record, consentement_version: consentVersion, telephone: `061${digits}`, email: `test.${i}@example.fr` };
}

export function csvOf(
  product: string,
  consentVersion: string,
  overrides: Record<string, string>[],
  opts: { delimiter?: string; columns?: string[]; now?: Date } = {},
): string {
  const columns = opts.columns ?? csvHeader(product);
  const rows = overrides.map((o) => ({ ...templateRecord(product, consentVersion, opts.now), ...o }));
  return stringify(rows, { header: true, columns, delimiter: opts.delimiter ?? ";", record_delimiter: "windows" });
}

/** Declares an import and sends the file, as the web app does; the answer is the file upload's. */
export async function uploadCsv(
  ctx: TestContext,
  session: Session,
  content: string | Buffer,
  opts: { product?: string; filename?: string; contentType?: string } = {},
) {
  const body = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const created = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/imports",
    headers: asUser(session),
    payload: { product: opts.product ?? "assurance-auto", filename: opts.filename ?? "leads.csv", sizeBytes: body.length },
  });
  expect(created.statusCode).toBe(201);
  const id: string = created.json().id;
  const res = await ctx.app.inject({
    method: "PUT",
    url: `/api/v1/imports/${id}/file`,
    headers: { ...asUser(session), "content-type": opts.contentType ?? "text/csv" },
    payload: body,
  });
  return { id, res };
}

/** The leads of an import, in file order. */
export const importedRows = (ctx: TestContext, importId: string) =>
  ctx.db.select().from(leads).where(eq(leads.importId, importId)).orderBy(leads.importRow);
