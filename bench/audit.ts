/**
 * npm run bench:audit [-- --events 1000000 --db postgres|pglite]
 *
 * How long `npm run audit:verify` takes on a large journal: N leads recorded as the API records them (one
 * event per lead, each with its consent record: the most the verifier has to check per event), sealed
 * with their checkpoints, then the whole verification timed (chain, MACs, every lead's digest, checkpoints).
 * Results go to bench/results/audit-latest.{json,md}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createOrganisation } from "../src/modules/accounts/provision-accounts";
import { checkpointLog, readCheckpoints } from "../src/modules/audit/checkpoints";
import { installEvidenceKeys, parseEvidenceKeys } from "../src/modules/audit/evidence-keys";
import { sealAuditChain } from "../src/modules/audit/seal-chain";
import { SAMPLE_CONSENT, sampleFieldValues } from "../src/modules/catalogue/rules";
import { publishConsentText } from "../src/modules/consent/publish-consent-text";
import { verifyEvidence } from "../src/modules/evidence/verify-evidence";
import { consentFingerprint } from "../src/modules/intake/fingerprint";
import { type ConsentRow, type LeadRow, toStoreColumns } from "../src/modules/intake/lead-columns";
import { storeLeads } from "../src/modules/intake/store-leads";
import { openDatabase } from "../src/platform/db/client";
import { runMigrations } from "../src/platform/db/migrate";
import { uuidv7 } from "../src/platform/db/uuid-v7";
import { DEMO_CONSENT_TEXT } from "../src/seed/demo-consent-text";
import { fmt, freshDatabase } from "./support";

const { values: args } = parseArgs({
  options: { events: { type: "string", default: "1000000" }, db: { type: "string", default: "postgres" } },
});
const N = Number(args.events);
const BATCH = 1_000;
const kind = args.db as "postgres" | "pglite";

installEvidenceKeys(parseEvidenceKeys(`bench:${Buffer.alloc(32, 3).toString("base64")}`, "bench"));
const fresh = await freshDatabase(kind, "la_bench_audit");
const database = await openDatabase({ url: fresh.env.DATABASE_URL, dataDir: fresh.env.DATA_DIR });
const checkpointDir = mkdtempSync(path.join(os.tmpdir(), "la-bench-checkpoints-"));
try {
  await runMigrations(database);
  const { db } = database;
  const org = await createOrganisation(db, { kind: "apporteur", name: "Bench", siren: "732829320" });
  const text = await publishConsentText(db, {}, { ...DEMO_CONSENT_TEXT, publishedAt: new Date() });
  const fields = sampleFieldValues("assurance-auto", new Date());
  const started = performance.now();
  let t = started;
  for (let done = 0; done < N; done += BATCH) {
    const now = new Date();
    const rows: LeadRow[] = [];
    const consents: ConsentRow[] = [];
    for (let i = done; i < Math.min(N, done + BATCH); i++) {
      const lead = {
        id: uuidv7(),
        product: "assurance-auto",
        type: "lead" as const,
        status: "accepted" as const,
        reasons: [],
        externalRef: `bench-${i}`,
        firstName: "Camille",
        lastName: `Bench${i}`,
        phone: `+336${String(10_000_000 + i).slice(-8)}`,
        email: `bench.${i}@example.fr`,
        postalCode: "13001",
        city: "Marseille",
        departement: "13",
        fields,
        payload: null,
        payloadRaw: null,
        importRow: null,
      };
      const evidence = {
        method: "checkbox",
        prechecked: false,
        textVersion: text.version,
        textSha256: text.sha256,
        collectedAt: new Date(now.getTime() - 60_000),
        ip: SAMPLE_CONSENT.ip,
        userAgent: SAMPLE_CONSENT.userAgent,
        sourceUrl: SAMPLE_CONSENT.sourceUrl,
        callCenter: null,
        agent: null,
        recordingRef: null,
      };
      rows.push(lead);
      consents.push({
        leadId: lead.id,
        consentTextId: text.id,
        ...evidence,
        fingerprint: consentFingerprint({ ...lead, leadId: lead.id }, evidence),
      });
    }
    await db.transaction((tx) =>
      storeLeads(tx, {}, toStoreColumns(rows, consents, { supplierOrgId: org.id, channel: "api", importId: null, now })),
    );
    if ((done + BATCH) % 100_000 === 0) {
      console.log(`${fmt(done + BATCH)} leads écrits (${fmt((performance.now() - t) / 1000, 1)} s)`);
      t = performance.now();
    }
  }
  const writeSeconds = (performance.now() - started) / 1000;
  const sealStart = performance.now();
  const sealed = await sealAuditChain(db, { full: true, checkpoints: checkpointLog(checkpointDir, "bench") });
  const sealSeconds = (performance.now() - sealStart) / 1000;
  console.log(`${fmt(sealed)} événements scellés en ${fmt(sealSeconds, 1)} s`);

  const rssBefore = process.memoryUsage().rss;
  const verifyStart = performance.now();
  const report = await verifyEvidence(db, { checkpoints: await readCheckpoints([checkpointDir]) });
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  const rssMb = Math.round(Math.max(rssBefore, process.memoryUsage().rss) / 1e6);
  const result = {
    date: new Date().toISOString(),
    db: kind,
    events: report.sealed,
    leads: report.leads,
    ok: report.ok,
    problems: report.problemCount,
    anchoredAt: report.checkpoints.anchoredAt?.position ?? null,
    writeSeconds,
    sealSeconds,
    verifySeconds,
    rssMb,
  };
  const line = `${kind} : ${fmt(report.sealed)} événements et ${fmt(report.leads.verified)} leads vérifiés en ${fmt(verifySeconds, 1)} s (${report.ok ? "intègres" : `${report.problemCount} PROBLÈMES`}, ancrés jusqu'à ${fmt(result.anchoredAt ?? 0)}) ; scellement ${fmt(sealSeconds, 1)} s ; RSS ${rssMb} Mo`;
  console.log(line);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/audit-latest.json", `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync("bench/results/audit-latest.md", `# bench:audit — ${result.date}\n\n${line}\n`);
} finally {
  await database.close();
  await fresh.drop();
  rmSync(checkpointDir, { recursive: true, force: true });
}
