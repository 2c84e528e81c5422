import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { asc, eq, sql } from "drizzle-orm";
import { validLead } from "../../../tests/factories/leads";
import { csvOf } from "../../../tests/support/csv-import";
import { bearer, createTestApp, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { checkpointLog, readCheckpoints, sealAuditChain } from "../audit";
import { createImport, runImport } from "../intake";
import { leads } from "../intake/schema";
import { verifyEvidence } from "./verify-evidence";

/**
 * Test support for the tampering tests: a database with leads by the API (accepted and rejected) and by
 * a CSV import, sealed and anchored in a checkpoint folder; then the verifier's and the proof view's
 * verdicts, as someone with database access changes things through the owner's connection.
 */
export async function tamperScenario() {
  const ctx: TestContext = await createTestApp();
  const dir = mkdtempSync(path.join(os.tmpdir(), "la-tamper-"));
  const checkpoints = checkpointLog(dir, "instance-1");
  const { apiKey: key, version, auth } = await supplierFixture(ctx);
  const post = (body: unknown) =>
    ctx.app
      .inject({ method: "POST", url: "/api/v1/leads", headers: bearer(key), payload: body as object })
      .then((r) => r.json().id as string);

  const submitAccepted = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await post(validLead(version)));
    return ids;
  };
  const accepted = await submitAccepted(6);
  const rejected: string[] = [];
  for (const email of ["pas-un-email", "toujours-pas", "encore@"])
    rejected.push(await post(validLead(version, { contact: { ...validLead(version).contact, email } })));
  const csv = Buffer.from(csvOf("assurance-auto", version, [{}, { telephone: "12" }, {}]));
  const created = await createImport(ctx.db, auth, { product: "assurance-auto", filename: "t.csv", sizeBytes: csv.length });
  await runImport(ctx.db, auth, created.id, Readable.from([csv]), { batchSize: 2, clock: ctx.clock });
  const csvLeads = (
    await ctx.db.select({ id: leads.id }).from(leads).where(eq(leads.importId, created.id)).orderBy(asc(leads.importRow))
  ).map((r) => r.id);
  const seal = () => sealAuditChain(ctx.db, { checkpoints });
  await seal();

  return {
    ctx,
    key,
    accepted,
    rejected,
    csvLeads,
    submitAccepted,
    seal,
    /** What `npm run audit:verify` runs, on this database and checkpoint folder. */
    verify: async () => verifyEvidence(ctx.db, { checkpoints: await readCheckpoints([dir]) }),
    /** The proof view of a lead, as its supplier gets it. */
    proof: (id: string) => ctx.app.inject({ method: "GET", url: `/api/v1/leads/${id}`, headers: bearer(key) }),
    /** Runs statements as the tables' owner with every trigger of these tables off, as an attacker would. */
    asAttacker: async (tables: string[], statements: (tx: TestContext["owner"]) => Promise<void>) =>
      ctx.owner.transaction(async (tx) => {
        for (const t of tables) await tx.execute(sql.raw(`alter table ${t} disable trigger user`));
        await statements(tx as unknown as TestContext["owner"]);
        for (const t of tables) await tx.execute(sql.raw(`alter table ${t} enable trigger user`));
      }),
    async close() {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TamperScenario = Awaited<ReturnType<typeof tamperScenario>>;

/** The problems of a report that name this lead (or its consent record). */
export const problemsOf = (report: { problems: { ref: string; message: string }[] }, id: string) =>
  report.problems.filter((p) => p.ref.includes(id)).map((p) => p.message);
