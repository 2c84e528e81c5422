import { PassThrough, Readable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, supplierFixture, type TestContext } from "../../../../tests/support/test-app";
import type { AuthContext } from "../../../platform/auth-context";
import { auditEvents } from "../../audit/schema";
import { csvImports, leads } from "../schema";
import { createImport, getImport } from "./imports";
import { markInterruptedImports } from "./interrupted-imports";
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

const PRODUCT = "assurance-habitation";
const fileOf = (rows: number) =>
  Buffer.from(makeLeadCsv({ now: ctx.clock(), product: PRODUCT, rows, consentVersion: version, invalidEvery: 5 }));
const newImport = async (csv: Buffer) =>
  (await createImport(ctx.db, auth, { product: PRODUCT, filename: "gros.csv", sizeBytes: csv.length })).id;
const storedRows = (id: string) =>
  ctx.db.select({ row: leads.importRow, reasons: leads.reasons }).from(leads).where(eq(leads.importId, id)).orderBy(leads.importRow);

/** Sends the start of `csv`, waits until at least `rows` rows are stored, then breaks the upload. */
async function cutAfter(id: string, csv: Buffer, rows: number) {
  const body = new PassThrough();
  const running = runImport(ctx.db, auth, id, body, { clock: ctx.clock, batchSize: 5 });
  body.write(csv.subarray(0, Math.floor(csv.length * 0.7)));
  await expect
    .poll(async () => (await getImport(ctx.db, auth.orgId, id)).totalRows, { timeout: 20_000, interval: 20 })
    .toBeGreaterThanOrEqual(rows);
  body.destroy(new Error("connexion coupée"));
  return (await running).summary;
}

describe("an interrupted CSV import", () => {
  it("keeps its stored rows, and the same file sent again goes on after them instead of judging them duplicates", async () => {
    const csv = fileOf(40);
    const id = await newImport(csv);
    const cut = await cutAfter(id, csv, 10);
    expect(cut.status).toBe("interrupted");
    expect(cut.error).toContain("renvoyez le même fichier pour reprendre");
    const kept = cut.totalRows;
    expect(kept).toBeGreaterThanOrEqual(10);
    expect(kept).toBeLessThan(40);
    expect(await storedRows(id)).toHaveLength(kept);

    const { summary } = await runImport(ctx.db, auth, id, Readable.from([csv]), { clock: ctx.clock, batchSize: 5 });
    expect(summary).toMatchObject({ status: "done", totalRows: 40, accepted: 32, rejected: 8, error: null });
    const rows = await storedRows(id);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(rows.flatMap((r) => r.reasons.map((x) => x.code)).filter((c) => c.startsWith("duplicate"))).toEqual([]);
    const journal = await ctx.db
      .select({ action: auditEvents.action, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "csv_import"), eq(auditEvents.entityId, id)));
    const steps = journal.filter((j) => j.action !== "csv_import.batch");
    expect(steps.map((j) => j.action)).toEqual(["csv_import.started", "csv_import.finished", "csv_import.resumed", "csv_import.finished"]);
    expect(steps[1]?.data).toMatchObject({ status: "interrupted", totalRows: kept });
    expect(steps[2]?.data).toEqual({ resumeAfter: kept });
  });

  it("refuses another file (409) and stays interrupted, its rows untouched", async () => {
    const csv = fileOf(30);
    const id = await newImport(csv);
    const kept = (await cutAfter(id, csv, 5)).totalRows;
    await expect(runImport(ctx.db, auth, id, Readable.from([fileOf(30)]), { clock: ctx.clock, batchSize: 5 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("n'est pas celui de l'import interrompu"),
    });
    expect(await getImport(ctx.db, auth.orgId, id)).toMatchObject({ status: "interrupted", totalRows: kept });
    expect(await storedRows(id)).toHaveLength(kept);
    // A finished import is not resumed: its file was sent already.
    const done = await newImport(csv);
    await runImport(ctx.db, auth, done, Readable.from([csv]), { clock: ctx.clock });
    await expect(runImport(ctx.db, auth, done, Readable.from([csv]), { clock: ctx.clock })).rejects.toMatchObject({ code: "conflict" });
  });

  it("stops taking rows once declared interrupted by another instance, and can then be resumed", async () => {
    const csv = fileOf(30);
    const id = await newImport(csv);
    const body = new PassThrough();
    const running = runImport(ctx.db, auth, id, body, { clock: ctx.clock, batchSize: 5 });
    body.write(csv.subarray(0, Math.floor(csv.length * 0.5)));
    await expect
      .poll(async () => (await getImport(ctx.db, auth.orgId, id)).totalRows, { timeout: 20_000, interval: 20 })
      .toBeGreaterThan(0);
    // Presumed gone (its heartbeat was late) by another instance, which marks it interrupted. Its batches
    // keep refreshing the heartbeat, so the mark is forced here rather than raced against them.
    expect(await markInterruptedImports(ctx.db, { all: true })).toContain(id);
    body.end(csv.subarray(Math.floor(csv.length * 0.5)));
    await expect(running).rejects.toMatchObject({ code: "conflict" });
    const after = await getImport(ctx.db, auth.orgId, id);
    expect(after.status).toBe("interrupted");
    expect(await storedRows(id)).toHaveLength(after.totalRows);
    const { summary } = await runImport(ctx.db, auth, id, Readable.from([csv]), { clock: ctx.clock, batchSize: 5 });
    expect(summary).toMatchObject({ status: "done", totalRows: 30 });
    expect(await storedRows(id)).toHaveLength(30);
  });
});

describe("the watchdog", () => {
  it("marks interrupted the imports whose instance stopped beating, never those of a live one", async () => {
    const running = async (heartbeat: string | null) => {
      const [row] = await ctx.db
        .insert(csvImports)
        .values({
          supplierOrgId: auth.orgId,
          product: PRODUCT,
          filename: "x.csv",
          status: "running",
          totalRows: 1500,
          heartbeatAt: heartbeat === null ? null : sql`now() - ${heartbeat}::interval`,
        })
        .returning({ id: csvImports.id });
      return row?.id as string;
    };
    const gone = await running("61 seconds");
    const alive = await running("5 seconds");
    const marked = await markInterruptedImports(ctx.db);
    expect(marked).toContain(gone);
    expect(marked).not.toContain(alive);
    expect(await getImport(ctx.db, auth.orgId, gone)).toMatchObject({ status: "interrupted", totalRows: 1500 });
    expect((await getImport(ctx.db, auth.orgId, alive)).status).toBe("running");
    // The embedded database's own process restarting: nothing can be running any more.
    expect(await markInterruptedImports(ctx.db, { all: true })).toContain(alive);
    const [event] = await ctx.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "csv_import.interrupted"), eq(auditEvents.entityId, gone)));
    expect(event?.data).toEqual({ storedRows: 1500 });
  });
});
