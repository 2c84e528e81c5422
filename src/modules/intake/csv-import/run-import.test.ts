import { PassThrough, Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvOf } from "../../../../tests/support/csv-import";
import { createTestApp, supplierFixture, type TestContext } from "../../../../tests/support/test-app";
import type { AuthContext } from "../../../platform/auth-context";
import { leads } from "../schema";
import { createImport, getImport } from "./imports";
import { makeLeadCsv } from "./make-csv";
import { runImport } from "./run-import";

let ctx: TestContext;
let auth: AuthContext;
let version: string;
beforeAll(async () => {
  ctx = await createTestApp();
  ({ auth, version } = await supplierFixture(ctx));
});
afterAll(() => ctx.close());

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("runImport", () => {
  it("updates the progress counters after every batch, while the file is still arriving", async () => {
    const csv = Buffer.from(
      makeLeadCsv({ now: ctx.clock(), product: "assurance-habitation", rows: 25, consentVersion: version, invalidEvery: 5 }),
    );
    const cut = csv.indexOf("\r\n", Math.floor(csv.length * 0.9));
    const { id } = await createImport(ctx.db, auth, { product: "assurance-habitation", filename: "a.csv", sizeBytes: csv.length });
    const body = new PassThrough();
    const running = runImport(ctx.db, auth, id, body, { clock: ctx.clock, batchSize: 10, contentLength: csv.length });
    body.write(csv.subarray(0, cut));

    const midway = await waitFor(
      () => getImport(ctx.db, auth.orgId, id),
      (v) => v.totalRows >= 20,
    );
    expect(midway).toMatchObject({ status: "running", totalRows: 20, accepted: 16, rejected: 4 });
    expect(midway.bytesRead).toBeGreaterThan(0);
    expect(midway.bytesRead).toBeLessThan(csv.length);

    body.end(csv.subarray(cut));
    const { summary } = await running;
    expect(summary).toMatchObject({
      status: "done",
      totalRows: 25,
      accepted: 20,
      rejected: 5,
      bytesRead: csv.length,
      sizeBytes: csv.length,
    });
  });

  it("stops past the row limit, keeps the rows already judged and says so", async () => {
    const csv = makeLeadCsv({ now: ctx.clock(), product: "assurance-habitation", rows: 8, consentVersion: version });
    const { id } = await createImport(ctx.db, auth, { product: "assurance-habitation", filename: "a.csv", sizeBytes: csv.length });
    const body = new PassThrough();
    body.end(csv);
    const { summary } = await runImport(ctx.db, auth, id, body, { clock: ctx.clock, batchSize: 2, maxRows: 5 });
    expect(summary).toMatchObject({ status: "failed", totalRows: 5, accepted: 5 });
    expect(summary.error).toMatch(/^Le fichier dépasse la limite de 5 lignes : les 5 premières ont été traitées et sont conservées/);
  });

  it("fails on a quote left open, keeping the rows before it", async () => {
    const csv = makeLeadCsv({ now: ctx.clock(), product: "assurance-habitation", rows: 3, consentVersion: version });
    const { id } = await createImport(ctx.db, auth, { product: "assurance-habitation", filename: "a.csv", sizeBytes: csv.length });
    const body = new PassThrough();
    body.end(`${csv}"Jean;Dupont\r\n`);
    const { summary } = await runImport(ctx.db, auth, id, body, { clock: ctx.clock, batchSize: 2 });
    expect(summary).toMatchObject({ status: "failed", totalRows: 3, accepted: 3 });
    expect(summary.error).toMatch(/^Import arrêté à la ligne 4, illisible : un guillemet ouvert n'est jamais refermé\. Les 3 lignes/);
  });

  it("stops reading soon after a stray quote rather than holding the rest of the file in one cell", async () => {
    const csv = Buffer.from(
      `${makeLeadCsv({ now: ctx.clock(), product: "assurance-habitation", rows: 2, consentVersion: version })}"Jean;Dupont\r\n${"a;b;c\r\n".repeat(200_000)}`,
    );
    const { id } = await createImport(ctx.db, auth, { product: "assurance-habitation", filename: "a.csv", sizeBytes: csv.length });
    const chunks = Array.from({ length: Math.ceil(csv.length / 16_384) }, (_, i) => csv.subarray(i * 16_384, (i + 1) * 16_384));
    const { summary, readWholeFile } = await runImport(ctx.db, auth, id, Readable.from(chunks), { clock: ctx.clock });
    expect(summary).toMatchObject({ status: "failed", totalRows: 2 });
    expect(summary.error).toContain("ligne 3, illisible");
    expect(readWholeFile).toBe(false);
    expect(summary.bytesRead).toBeLessThan(csv.length / 2);
  });

  it("sees a person already accepted in an earlier batch of the same file", async () => {
    const csv = csvOf("assurance-habitation", version, [{ telephone: "06 11 22 33 44" }, {}, {}, { telephone: "0611223344" }]);
    const { id } = await createImport(ctx.db, auth, { product: "assurance-habitation", filename: "a.csv", sizeBytes: csv.length });
    const body = new PassThrough();
    body.end(csv);
    const { summary } = await runImport(ctx.db, auth, id, body, { clock: ctx.clock, batchSize: 2 });
    expect(summary).toMatchObject({ status: "done", accepted: 3, rejected: 1 });
    const rows = await ctx.db.select().from(leads).where(eq(leads.importId, id)).orderBy(leads.importRow);
    expect(rows[3]?.reasons.map((r) => r.code)).toEqual(["duplicate_phone"]);
  });
});
