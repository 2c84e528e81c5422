import { parse } from "csv-parse/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvOf, importedRows, uploadCsv } from "../../../../tests/support/csv-import";
import { formulaText } from "../../../../tests/support/hostile-input";
import {
  createOrgWithUser,
  createTestApp,
  login,
  publishTestConsentText,
  type Session,
  type TestContext,
} from "../../../../tests/support/test-app";
import { csvHeader } from "../../catalogue/rules";

/**
 * Property (issue 8 §2): whatever the cells of a CSV hold, the import answers 200, stores one lead per
 * row, and each row's cells come back from its lead (every cell of a rejected row, the unknown column of
 * an accepted one).
 */

let ctx: TestContext;
let s: Session;
let version: string;
beforeAll(async () => {
  ctx = await createTestApp();
  s = await login(ctx.app, (await createOrgWithUser(ctx, "supplier")).email);
  version = (await publishTestConsentText(ctx)).version;
});
afterAll(() => ctx.close());

const PRODUCT = "assurance-auto";
const COLUMNS = [...csvHeader(PRODUCT), "commentaire"];
const MARK = "\u0001";

/** Text a CSV can carry (no half surrogate pairs: UTF-8 cannot encode them), hostile all the same. */
const cellText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ maxLength: 6 }).map((t) => `${t}\u0000${t}`),
  // Longer than any field allows; bounded so that five files of up to 90 such cells stay within the timeout.
  fc.integer({ min: 2_001, max: 4_000 }).map((n) => "é".repeat(n)),
  formulaText,
);
/** Bytes that are not UTF-8 (a stray continuation byte first), all in Latin-1's printable range. */
const latin1Bytes = fc
  .tuple(fc.integer({ min: 0xa0, max: 0xbf }), fc.uint8Array({ min: 0xa0, max: 0xff, maxLength: 3 }))
  .map(([first, rest]) => Buffer.from([first, ...rest]));
const column = fc.constantFrom(...COLUMNS);

type Row = { edits: [string, string][] };
const utf8File = fc.array(fc.record({ edits: fc.array(fc.tuple(column, cellText), { maxLength: 3 }) }), { minLength: 1, maxLength: 30 });
const latin1File = fc.array(fc.uniqueArray(fc.tuple(column, latin1Bytes), { selector: ([c]) => c, maxLength: 2 }), {
  minLength: 1,
  maxLength: 30,
});

async function importFile(bytes: Buffer) {
  const { id, res } = await uploadCsv(ctx, s, bytes, { product: PRODUCT, filename: "fuzz.csv" });
  return { res, rows: await importedRows(ctx, id) };
}

/** Every row's cells come back from its lead. */
async function expectEveryRowKept(bytes: Buffer, expected: Record<string, string>[]) {
  const { res, rows } = await importFile(bytes);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ status: "done", totalRows: expected.length });
  expect(rows.map((r) => r.importRow)).toEqual(expected.map((_, i) => i + 1));
  rows.forEach((row, i) => {
    const kept = (row.payloadRaw ? JSON.parse(row.payloadRaw.toString("utf8")) : row.payload) as Record<string, string> | null;
    const sent = expected[i] as Record<string, string>;
    if (row.status === "rejected") expect(kept).toEqual(sent);
    else expect(kept?.commentaire ?? "").toBe(sent.commentaire?.trim() === "" ? "" : sent.commentaire);
  });
}

// Each import starts its CSV thread, which under tsx transpiles its modules again: 1.4 to 4 s alone, far
// more with the whole suite beside it (five runs once took over 120 s on PostgreSQL; none hung in 80 runs
// alone). Past 90 s no new run starts and a shrinking stops, so a slow machine reports what was tested, and
// a failure its counterexample, instead of a bare timeout. A property interrupted before any run passed fails.
const budget = { plugins: [fc.interruptAfterTimeLimit(90_000)] };

describe("CSV import, whatever the cells hold", () => {
  it("UTF-8 files with NUL, huge cells, formulas and any character", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(utf8File, async (file: Row[]) => {
        const records = file.map((r) => ({ commentaire: "", ...Object.fromEntries(r.edits) }));
        const csv = csvOf(PRODUCT, version, records, { columns: COLUMNS });
        const sent = parse(csv, { columns: true, delimiter: ";" }) as Record<string, string>[];
        await expectEveryRowKept(Buffer.from(csv, "utf8"), sent);
      }),
      { numRuns: 5, ...budget },
    );
  });

  it("bytes that are not UTF-8: the file is read as Windows-1252, every byte a character", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(latin1File, async (file) => {
        const marks = file.map((edits) => Object.fromEntries(edits.map(([c], n) => [c, `${MARK}${n}${MARK}`])));
        const rows = marks.map((m) => ({ commentaire: "", ...m }));
        let bytes = Buffer.from(csvOf(PRODUCT, version, rows, { columns: COLUMNS }), "utf8");
        // Row by row, each mark's first occurrence is in the row at hand: the earlier ones are replaced already.
        for (const edits of file) {
          for (const [n, [, b]] of edits.entries()) {
            const mark = Buffer.from(`${MARK}${n}${MARK}`);
            const at = bytes.indexOf(mark);
            bytes = Buffer.concat([bytes.subarray(0, at), b, bytes.subarray(at + mark.length)]);
          }
        }
        // The template's own accents (UTF-8) are read as Windows-1252 too, as the whole file is.
        const sent = parse(iconv.decode(bytes, "windows-1252"), { columns: true, delimiter: ";" }) as Record<string, string>[];
        await expectEveryRowKept(bytes, sent);
      }),
      { numRuns: 3, ...budget },
    );
  });
});
