/**
 * npm run bench:intake [-- --db postgres|pglite|both --leads 50000 --concurrency 32 --rows 100000]
 *
 * 1. API: N valid leads through POST /api/v1/leads from C concurrent keep-alive clients (audit chain on).
 * 2. CSV: one R-row import through the supplier import API, on a fresh server (peak RSS is the server's).
 * 3. Hosted form: F form posts (urlencoded, as a browser sends them) to /f/assurance-auto from C clients, each
 *    from its own public address (X-Forwarded-For through a trusted local proxy: the per-address limit holds).
 * Each phase gets a fresh database and a fresh server process; results go to bench/results/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";
import { readCheckpoints } from "../src/modules/audit/checkpoints";
import { installEvidenceKeys } from "../src/modules/audit/evidence-keys";
import { loadEvidenceSetup } from "../src/modules/audit/evidence-setup";
import { SAMPLE_CONSENT, sampleFieldValues } from "../src/modules/catalogue/rules";
import { verifyEvidence } from "../src/modules/evidence/verify-evidence";
import { makeLeadCsv } from "../src/modules/intake/csv-import/make-csv";
import { systemClock } from "../src/platform/clock";
import { loadConfig } from "../src/platform/config";
import { openDatabase } from "../src/platform/db/client";
import { DEMO_PASSWORD } from "../src/seed/demo";
import { DEMO_CONSENT_TEXT } from "../src/seed/demo-consent-text";
import { BENCH_COMMUNES, cpuMeter, fmt, freshDatabase, percentile, startServer } from "./support";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    leads: { type: "string", default: "50000" },
    concurrency: { type: "string", default: "32" },
    rows: { type: "string", default: "100000" },
    phases: { type: "string", default: "api,csv,form" },
    forms: { type: "string", default: "5000" },
  },
});
const kinds = (args.db === "both" ? ["postgres", "pglite"] : [args.db]) as ("postgres" | "pglite")[];
const N = Number(args.leads);
const C = Number(args.concurrency);
const ROWS = Number(args.rows);
const PHASES = new Set(args.phases.split(","));
const F = Number(args.forms);

/** PostgreSQL's CPU for the same work; PGlite runs inside the server, whose CPU already counts it. */
const pgCpu = (kind: "postgres" | "pglite", ms: number) => (kind === "postgres" ? `, PostgreSQL ${fmt(ms)} ms/1000` : "");

function leadBody(i: number): string {
  const [postalCode, city] = BENCH_COMMUNES[i % BENCH_COMMUNES.length] ?? BENCH_COMMUNES[0];
  return JSON.stringify({
    product: "assurance-auto",
    contact: {
      firstName: "Camille",
      lastName: `Bench${i}`,
      // Unique per i, in mainland mobile ranges (061-065).
      phone: `06${1 + (i % 5)}${String(i).padStart(7, "0")}`,
      email: `bench.${i}@example.fr`,
      postalCode,
      city,
    },
    consent: { ...SAMPLE_CONSENT, textVersion: DEMO_CONSENT_TEXT.version, collectedAt: new Date(Date.now() - 60_000).toISOString() },
    fields: sampleFieldValues("assurance-auto", systemClock()),
    externalRef: `bench-${i}`,
  });
}

async function apiPhase(kind: "postgres" | "pglite") {
  const database = await freshDatabase(kind, "la_bench_api");
  const server = await startServer(database.env);
  const agent = new Agent({ connections: C, pipelining: 1 });
  const bodies = Array.from({ length: N }, (_, i) => leadBody(i));
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const slices: number[] = [];
  const cpu = cpuMeter(server);
  const started = performance.now();
  let sliceStart = started;
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (let i = next++; i < N; i = next++) {
        const t0 = performance.now();
        const res = await request(`${server.url}/api/v1/leads`, {
          method: "POST",
          dispatcher: agent,
          headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
          body: bodies[i],
        });
        await res.body.text();
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 201) failures++;
        // Throughput per slice of 10,000 shows whether intake slows down as the tables grow.
        if (latencies.length % 10_000 === 0) {
          const now = performance.now();
          slices.push(Math.round(10_000 / ((now - sliceStart) / 1000)));
          sliceStart = now;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { serverCpuMs: serverCpuMsPer1000, postgresCpuMs: postgresCpuMsPer1000 } = cpu.msPer(N / 1000);
  latencies.sort((a, b) => a - b);
  await agent.close();
  await server.stop();
  const audit = await verifyChain(database.env);
  await database.drop();
  return {
    leadsPerSecond: N / seconds,
    seconds,
    serverCpuMsPer1000,
    postgresCpuMsPer1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
    slices,
    audit,
  };
}

function formBody(i: number, token: string): string {
  const [postalCode, city] = BENCH_COMMUNES[i % BENCH_COMMUNES.length] ?? BENCH_COMMUNES[0];
  const fields = sampleFieldValues("assurance-auto", systemClock()) as Record<string, unknown>;
  const p = new URLSearchParams({
    token,
    website: "",
    "contact.firstName": "Camille",
    "contact.lastName": `Form${i}`,
    "contact.phone": `06${1 + (i % 5)}${String(i).padStart(7, "0")}`,
    "contact.email": `form.${i}@example.fr`,
    "contact.postalCode": postalCode,
    "contact.city": city,
    consent: "oui",
  });
  for (const [k, v] of Object.entries(fields)) p.append(`fields.${k}`, typeof v === "boolean" ? (v ? "oui" : "non") : String(v));
  return p.toString();
}

/** A public address per post (82.64.0.1, 82.64.0.2…): each stays far below the per-address limit. */
const formIp = (i: number) => `82.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255 || 1}`;

async function formPhase(kind: "postgres" | "pglite") {
  const database = await freshDatabase(kind, "la_bench_form");
  const server = await startServer({ ...database.env, TRUST_PROXY: "127.0.0.1" });
  const agent = new Agent({ connections: C, pipelining: 1 });
  const login = await request(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    dispatcher: agent,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "contact@leadfactory-provence.demo", password: DEMO_PASSWORD }),
  });
  const cookie = String(login.headers["set-cookie"] ?? "").match(/la_session=[^;]+/)?.[0] ?? "";
  await login.body.text();
  const embed = await request(`${server.url}/api/v1/hosted-forms`, { dispatcher: agent, headers: { cookie } });
  const { code } = (await embed.body.json()) as { code: string };
  const url = `${server.url}/f/assurance-auto?a=${code}`;
  // The page each prospect opens: its time, and the signed token its post brings back (one post per page).
  const pageLatencies: number[] = [];
  const tokens: string[] = [];
  const pageStart = performance.now();
  await Promise.all(
    Array.from({ length: C }, async (_, c) => {
      for (let i = c; i < F; i += C) {
        const t0 = performance.now();
        const res = await request(url, { dispatcher: agent, headers: { "x-forwarded-for": formIp(i) } });
        const html = await res.body.text();
        pageLatencies.push(performance.now() - t0);
        tokens[i] = html.match(/name="token" value="([^"]+)"/)?.[1] ?? "";
      }
    }),
  );
  const pagesPerSecond = pageLatencies.length / ((performance.now() - pageStart) / 1000);
  // A person takes more than the 3-second minimum to fill the form.
  await new Promise((r) => setTimeout(r, 3_500));
  const bodies = Array.from({ length: F }, (_, i) => formBody(i, tokens[i] ?? ""));
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const cpu = cpuMeter(server);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (let i = next++; i < F; i = next++) {
        const t0 = performance.now();
        const res = await request(url, {
          method: "POST",
          dispatcher: agent,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-forwarded-for": formIp(i),
            "user-agent": "Mozilla/5.0 (bench)",
          },
          body: bodies[i],
        });
        await res.body.text();
        latencies.push(performance.now() - t0);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { serverCpuMs: serverCpuMsPer1000, postgresCpuMs: postgresCpuMsPer1000 } = cpu.msPer(F / 1000);
  latencies.sort((a, b) => a - b);
  pageLatencies.sort((a, b) => a - b);
  await agent.close();
  await server.stop();
  await database.drop();
  return {
    postsPerSecond: F / seconds,
    seconds,
    serverCpuMsPer1000,
    postgresCpuMsPer1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses: Object.fromEntries(statuses),
    pagesPerSecond,
    pageP99: percentile(pageLatencies, 99),
  };
}

/** After the load (the server seals what is pending when it stops): does all the evidence hold, and how long does checking it take. */
async function verifyChain(env: Record<string, string>) {
  const evidence = loadEvidenceSetup(loadConfig({ ...env, NODE_ENV: "development" }), { create: false });
  installEvidenceKeys(evidence.keys);
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const t0 = performance.now();
    const report = await verifyEvidence(database.db, { checkpoints: await readCheckpoints([evidence.checkpointDir]) });
    return {
      ok: report.ok && report.checkpoints.anchoredAt?.position === report.sealed,
      entries: report.sealed,
      leads: report.leads.verified,
      unsealed: report.unsealed,
      verifyMs: Math.round(performance.now() - t0),
    };
  } finally {
    await database.close();
  }
}

async function csvPhase(kind: "postgres" | "pglite") {
  const database = await freshDatabase(kind, "la_bench_csv");
  const server = await startServer(database.env);
  const csv = Buffer.from(
    makeLeadCsv({ product: "mutuelle-sante", rows: ROWS, consentVersion: DEMO_CONSENT_TEXT.version, now: systemClock() }),
    "utf8",
  );
  const login = await request(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "contact@leadfactory-provence.demo", password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.body.json()) as { csrfToken: string };
  const cookie = String(login.headers["set-cookie"]).split(";")[0] as string;
  const headers = { cookie, "x-csrf-token": csrfToken };
  const created = await request(`${server.url}/api/v1/imports`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ product: "mutuelle-sante", filename: "bench.csv", sizeBytes: csv.length }),
  });
  const { id } = (await created.body.json()) as { id: string };
  const cpu = cpuMeter(server);
  const started = performance.now();
  const res = await request(`${server.url}/api/v1/imports/${id}/file`, {
    method: "PUT",
    headers: { ...headers, "content-type": "text/csv" },
    body: csv,
  });
  const summary = (await res.body.json()) as { totalRows: number; accepted: number; rejected: number; status: string };
  const seconds = (performance.now() - started) / 1000;
  const { serverCpuMs: serverCpuMsPer1000, postgresCpuMs: postgresCpuMsPer1000 } = cpu.msPer(summary.totalRows / 1000);
  const peakRssMb = server.peakRssMb();
  await server.stop();
  await database.drop();
  return {
    rowsPerSecond: summary.totalRows / seconds,
    seconds,
    serverCpuMsPer1000,
    postgresCpuMsPer1000,
    peakRssMb,
    ...summary,
    sizeMb: csv.length / 1e6,
  };
}

const results: Record<string, unknown> = { date: new Date().toISOString(), leads: N, concurrency: C, rows: ROWS, forms: F };
const lines = [`# bench:intake — ${new Date().toISOString()}`, "", `API : ${fmt(N)} leads, ${C} clients ; CSV : ${fmt(ROWS)} lignes`, ""];
for (const kind of kinds) {
  if (PHASES.has("api")) {
    const api = await apiPhase(kind);
    lines.push(
      `${kind.padEnd(9)} API  ${fmt(api.leadsPerSecond)} leads/s  p50 ${fmt(api.p50, 1)} ms  p99 ${fmt(api.p99, 1)} ms  CPU serveur ${fmt(api.serverCpuMsPer1000)} ms/1000${pgCpu(kind, api.postgresCpuMsPer1000)}  (${fmt(api.seconds, 1)} s, échecs ${api.failures}) ; par tranche de 10 000 : ${api.slices.join(" / ")} leads/s ; chaîne d'audit ${api.audit.ok ? "intègre" : "ROMPUE"} : ${fmt(api.audit.entries)} entrées vérifiées en ${fmt(api.audit.verifyMs)} ms, ${api.audit.unsealed} non scellées`,
    );
    console.log(lines.at(-1));
    results[`${kind}-api`] = api;
  }
  if (PHASES.has("csv")) {
    const csv = await csvPhase(kind);
    lines.push(
      `${kind.padEnd(9)} CSV  ${fmt(csv.rowsPerSecond)} lignes/s  pic RSS serveur ${csv.peakRssMb} Mo  CPU serveur ${fmt(csv.serverCpuMsPer1000)} ms/1000${pgCpu(kind, csv.postgresCpuMsPer1000)}  (${fmt(csv.seconds, 1)} s, ${fmt(csv.sizeMb, 1)} Mo, ${csv.accepted} acceptées / ${csv.rejected} rejetées, ${csv.status})`,
    );
    console.log(lines.at(-1));
    results[`${kind}-csv`] = csv;
  }
  if (PHASES.has("form")) {
    const form = await formPhase(kind);
    lines.push(
      `${kind.padEnd(9)} FORM ${fmt(form.postsPerSecond)} envois/s  p50 ${fmt(form.p50, 1)} ms  p99 ${fmt(form.p99, 1)} ms  CPU serveur ${fmt(form.serverCpuMsPer1000)} ms/1000${pgCpu(kind, form.postgresCpuMsPer1000)}  (${fmt(F)} envois en ${fmt(form.seconds, 1)} s, statuts ${JSON.stringify(form.statuses)}) ; pages servies ${fmt(form.pagesPerSecond)}/s, p99 ${fmt(form.pageP99, 1)} ms`,
    );
    console.log(lines.at(-1));
    results[`${kind}-form`] = form;
  }
}
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/intake-latest.json", `${JSON.stringify(results, null, 2)}\n`);
writeFileSync("bench/results/intake-latest.md", `${lines.join("\n")}\n`);
