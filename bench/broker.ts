/**
 * npm run bench:broker [-- --leads 200000 --pdfs 40]
 *
 * On PostgreSQL, against the real server process (dist/server/main.js):
 * 1. The broker's leads list (GET /api/v1/broker/leads) with filters and searches, over `leads` leads bought by one
 *    brokerage (p50/p95 per query and overall), and its dashboard (week, month).
 * 2. Proof PDFs (GET /api/v1/broker/leads/:id/proof.pdf) of `pdfs` leads that went through the real intake and a
 *    real purchase, so each PDF carries a full integrity check: milliseconds per PDF, one after the other.
 * Results go to bench/results/broker-latest.{json,md}.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type pg from "pg";
import { request } from "undici";
import { PRODUCT_SLUGS, SAMPLE_CONSENT, sampleFieldValues } from "../src/modules/catalogue/rules";
import { systemClock } from "../src/platform/clock";
import { DEMO_SUPPLIER_API_KEY } from "../src/seed/demo";
import { createBuyers, login, withFreshServer } from "./fixtures";
import { fmt, percentile, type ServerHandle } from "./support";

const { values: args } = parseArgs({ options: { leads: { type: "string", default: "200000" }, pdfs: { type: "string", default: "40" } } });
const LEADS = Number(args.leads);
const PDFS = Number(args.pdfs);
const DEPARTEMENTS = ["13", "33", "31", "44", "69", "75", "59", "67", "06", "34"];

/** `n` leads bought by one brokerage over the last 60 days, as intake and sales would leave them; the sale trigger opens each lead_work row. */
async function boughtLeads(c: pg.Client, orgId: string, n: number) {
  const products = PRODUCT_SLUGS.filter((p) => p !== "defiscalisation");
  await c.query(
    `with src as (
       select gen_random_uuid() as id, i, ($2::text[])[1 + i % $3] as product, ($4::text[])[1 + (i / 7) % $5] as dep,
              now() - make_interval(mins => (i::bigint * 86400 / $1)::int) as at
       from generate_series(1, $1) i
     ), l as (
       insert into leads (id, supplier_org_id, product, type, status, reasons, channel, first_name, last_name, phone, email, postal_code,
                          city, departement, fields, payload, created_at)
       select id, (select id from organisations where kind = 'apporteur' limit 1), product, 'lead', 'accepted', '[]', 'api',
              (array['Camille','Louis','Jade','Hugo','Léa'])[1 + i % 5], 'Nom' || i, '+336' || lpad(i::text, 8, '0'), 'p' || i || '@bench.local',
              dep || '000', 'Ville', dep, '{}', '{}', at
       from src returning id
     ), k as (
       insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, fingerprint, recorded_at)
       select src.id, 'checkbox', false, t.id, t.version, t.sha256, src.at, 'bench', src.at from src, (select * from consent_texts limit 1) t
       returning lead_id
     )
     insert into lead_sales (id, lead_id, buyer_org_id, channel, price_cents, price_version, tier, paid_with, sold_at)
     select gen_random_uuid(), id, $6::uuid, case when i % 3 = 0 then 'exclusive' else 'marketplace' end, 1500 + i % 3000, 1, '24h', 'credits',
            at + interval '5 minutes'
     from src`,
    [n, products, products.length, DEPARTEMENTS, DEPARTEMENTS.length, orgId],
  );
  // A working brokerage: some leads reached, some signed, some lost.
  await c.query(`update lead_work set status = 'contacte' where org_id = $1 and abs(hashtext(lead_id::text)) % 10 < 3`, [orgId]);
  await c.query(`update lead_work set status = 'vendu' where org_id = $1 and abs(hashtext(lead_id::text)) % 10 = 3`, [orgId]);
  await c.query(
    `update lead_work set status = 'perdu', lost_reason = 'pas_interesse' where org_id = $1 and abs(hashtext(lead_id::text)) % 10 = 4`,
    [orgId],
  );
  await c.query("analyze leads; analyze lead_consents; analyze lead_sales; analyze lead_work");
}

async function timed(server: ServerHandle, headers: Record<string, string>, url: string) {
  const t0 = performance.now();
  const res = await request(`${server.url}${url}`, { headers });
  await res.body.arrayBuffer();
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return performance.now() - t0;
}

async function listPhase() {
  return withFreshServer(
    "la_bench_broker",
    async () => {},
    async (server, c) => {
      const [buyer] = await createBuyers(c, 1, 100_000_00);
      const { org_id: orgId, email } = buyer as { org_id: string; email: string };
      const t0 = performance.now();
      await boughtLeads(c, orgId, LEADS);
      const setupSeconds = (performance.now() - t0) / 1000;
      const headers = await login(server, email);
      const queries = [
        "",
        "product=mutuelle-sante",
        "status=nouveau",
        "status=vendu&product=assurance-auto",
        "channel=exclusive&departement=75",
        "from=2026-01-01&to=2099-12-31&leadType=lead",
        "q=nom1234",
        "q=06%2012%2034",
        "q=camille%20nom99",
        "page=20&sort=oldest",
        "departement=13&status=contacte&channel=marketplace",
      ];
      const times: Record<string, number[]> = {};
      const all: number[] = [];
      for (let round = 0; round < 30; round++)
        for (const q of queries) {
          const ms = await timed(server, headers, `/api/v1/broker/leads?${q}`);
          if (round === 0) continue; // the first round warms the caches
          times[q || "(sans filtre)"] = [...(times[q || "(sans filtre)"] ?? []), ms];
          all.push(ms);
        }
      all.sort((a, b) => a - b);
      const dashboards: number[] = [];
      for (let i = 0; i < 20; i++)
        dashboards.push(await timed(server, headers, `/api/v1/broker/dashboard?period=${i % 2 ? "week" : "month"}`));
      dashboards.sort((a, b) => a - b);
      const perQuery = Object.fromEntries(
        Object.entries(times).map(([q, t]) => {
          t.sort((a, b) => a - b);
          return [q, { p50: percentile(t, 50), p95: percentile(t, 95) }];
        }),
      );
      return {
        leads: LEADS,
        setupSeconds,
        p50: percentile(all, 50),
        p95: percentile(all, 95),
        perQuery,
        dashboard: { p50: percentile(dashboards, 50), p95: percentile(dashboards, 95) },
      };
    },
  );
}

/** Leads through the real intake (demo supplier key), stocked by the market worker, bought by hold + pay: then their proof PDFs. */
async function pdfPhase() {
  return withFreshServer(
    "la_bench_pdf",
    async () => {},
    async (server, c) => {
      const [buyer] = await createBuyers(c, 1, 100_000_00);
      const headers = await login(server, (buyer as { email: string }).email);
      const version = (await c.query<{ version: string }>("select version from consent_texts order by published_at desc limit 1")).rows[0]
        ?.version;
      const now = systemClock();
      const leadIds: string[] = [];
      for (let i = 0; i < PDFS; i++) {
        const product = "mutuelle-sante";
        const res = await request(`${server.url}/api/v1/leads`, {
          method: "POST",
          headers: { authorization: `Bearer ${DEMO_SUPPLIER_API_KEY}`, "content-type": "application/json" },
          body: JSON.stringify({
            product,
            type: "lead",
            contact: {
              firstName: "Camille",
              lastName: `Preuve${i}`,
              phone: `0612${String(100000 + i)}`,
              email: `preuve${i}@bench.local`,
              postalCode: "75011",
              city: "Paris",
            },
            consent: { ...SAMPLE_CONSENT, textVersion: version, collectedAt: new Date(now.getTime() - 60_000).toISOString() },
            fields: sampleFieldValues(product, now),
          }),
        });
        const body = (await res.body.json()) as { id: string; status: string };
        if (body.status !== "accepted") throw new Error(`lead ${i}: ${JSON.stringify(body)}`);
        leadIds.push(body.id);
      }
      // The market worker stocks them within a second or so.
      for (let tries = 0; tries < 100; tries++) {
        const { rows } = await c.query<{ n: number }>("select count(*)::int as n from market_listings where lead_id = any($1::uuid[])", [
          leadIds,
        ]);
        if ((rows[0]?.n ?? 0) === leadIds.length) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const [i, leadId] of leadIds.entries()) {
        const hold = await request(`${server.url}/api/v1/market/leads/${leadId}/hold`, {
          method: "POST",
          headers: { ...headers, "idempotency-key": `bench-pdf-${i}-000000` },
        });
        const { id } = (await hold.body.json()) as { id: string };
        const pay = await request(`${server.url}/api/v1/market/holds/${id}/pay`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ method: "credits" }),
        });
        if (pay.statusCode !== 200) throw new Error(`pay ${i}: ${pay.statusCode} ${await pay.body.text()}`);
        await pay.body.arrayBuffer();
      }
      const times: number[] = [];
      let bytes = 0;
      for (const leadId of leadIds) {
        const t0 = performance.now();
        const res = await request(`${server.url}/api/v1/broker/leads/${leadId}/proof.pdf`, { headers });
        bytes += (await res.body.arrayBuffer()).byteLength;
        if (res.statusCode !== 200) throw new Error(`pdf ${leadId}: ${res.statusCode}`);
        times.push(performance.now() - t0);
      }
      const warm = times.slice(1).sort((a, b) => a - b);
      return { pdfs: PDFS, first: times[0], p50: percentile(warm, 50), p95: percentile(warm, 95), meanKb: bytes / leadIds.length / 1024 };
    },
  );
}

const list = await listPhase();
const pdf = await pdfPhase();
const results = { at: new Date().toISOString(), list, pdf };
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/broker-latest.json", `${JSON.stringify(results, null, 2)}\n`);
const md = [
  `# bench:broker — ${results.at}`,
  "",
  `Liste des leads d'un cabinet, ${fmt(list.leads)} leads achetés (mise en place ${fmt(list.setupSeconds, 1)} s) : p50 ${fmt(list.p50, 1)} ms, p95 ${fmt(list.p95, 1)} ms (cible p95 < 50 ms).`,
  "",
  "| Requête | p50 (ms) | p95 (ms) |",
  "| --- | --- | --- |",
  ...Object.entries(list.perQuery).map(([q, t]) => `| \`${q}\` | ${fmt(t.p50, 1)} | ${fmt(t.p95, 1)} |`),
  "",
  `Tableau de bord (semaine / mois) : p50 ${fmt(list.dashboard.p50, 1)} ms, p95 ${fmt(list.dashboard.p95, 1)} ms.`,
  "",
  `PDF de preuve (${pdf.pdfs} leads passés par l'intake et achetés, vérification d'intégrité comprise) : premier ${fmt(pdf.first ?? 0)} ms, puis p50 ${fmt(pdf.p50)} ms, p95 ${fmt(pdf.p95)} ms par PDF, ${fmt(pdf.meanKb)} Ko en moyenne.`,
  "",
].join("\n");
writeFileSync("bench/results/broker-latest.md", md);
console.log(md);
