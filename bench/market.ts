/**
 * npm run bench:market [-- --stock 1000000 --buyers 64 --purchases 4000 --rate 500 --modes hold+pay,buy --leads 20000 --orders 50]
 *
 * On PostgreSQL, each phase on the real server process (dist/server/main.js):
 * 1. Listing: GET /api/v1/market/leads with filters over `stock` stocked leads (p50/p95).
 * 2. Purchases: `buyers` brokerages buy by credits in parallel, each on its own leads (per second, p50, p99), in
 *    runs of `purchases`: reserve + pay, and buy in one step (`modes`), at full speed, then paced at `rate`/s.
 * 3. Intake with routing on: 32 API clients send `leads` leads while `orders` active orders take them
 *    (intake leads/s and p99), then how fast the worker routed them (leads routed per second), and how
 *    long after that the brokers had been told of every exclusive sale.
 * Results go to bench/results/market-latest.{json,md}.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type pg from "pg";
import { Agent, request } from "undici";
import { SAMPLE_CONSENT, sampleFieldValues } from "../src/modules/catalogue/rules";
import { SALE_DELIVERY_JOB, SALE_MAIL_JOB } from "../src/modules/delivery";
import { systemClock } from "../src/platform/clock";
import { DEMO_CONSENT_TEXT } from "../src/seed/demo-consent-text";
import { BULK_DEPARTEMENTS, bulkStockSql } from "../tests/support/bulk-stock";
import { createBuyers, login, withFreshServer } from "./fixtures";
import { BENCH_COMMUNES, cpuMeter, fmt, percentile } from "./support";

const { values: args } = parseArgs({
  options: {
    stock: { type: "string", default: "1000000" },
    buyers: { type: "string", default: "64" },
    purchases: { type: "string", default: "4000" },
    leads: { type: "string", default: "20000" },
    orders: { type: "string", default: "50" },
    phases: { type: "string", default: "listing,purchases,routing" },
    rate: { type: "string", default: "500" },
    modes: { type: "string", default: "hold+pay,buy" },
  },
});
const STOCK = Number(args.stock);
const BUYERS = Number(args.buyers);
const PURCHASES = Number(args.purchases);
const RATE = Number(args.rate);
const MODES = args.modes.split(",") as PurchaseMode[];
const LEADS = Number(args.leads);
const ORDERS = Number(args.orders);
const PHASES = new Set(args.phases.split(","));

/** `n` accepted leads with their consent and listing, as the intake and the router would leave them. */
async function stockLeads(c: pg.Client, n: number) {
  const { text, values } = bulkStockSql(n);
  await c.query(text, values);
  // A stock that built up over days is vacuumed (hint bits, visibility map) and its pages written out, as
  // autovacuum and the checkpointer leave it. A million rows inserted a moment ago are not: the first
  // seconds of the listing paid for them (a query evicting 5,000 dirty buffers took 80-280 ms).
  await c.query("vacuum (analyze) leads, lead_consents, market_listings");
  await c.query("checkpoint");
}

async function listingPhase() {
  return withFreshServer(
    "la_bench_listing",
    (c) => stockLeads(c, STOCK),
    async (server, c) => {
      const [buyer] = await createBuyers(c, 1, 100_000_00);
      const headers = await login(server, (buyer as { email: string }).email);
      const queries = [
        "product=mutuelle-sante",
        "product=assurance-auto&departement=75",
        "departement=69&tier=48h",
        "tier=24h&sort=price_asc",
        "product=rc-pro&minPriceCents=1000&maxPriceCents=5000",
        "sort=recent",
        "product=credit-immobilier&departement=13&page=3",
      ];
      const times: Record<string, number[]> = {};
      const all: number[] = [];
      for (let round = 0; round < 40; round++)
        for (const q of queries) {
          const t0 = performance.now();
          const res = await request(`${server.url}/api/v1/market/leads?${q}`, { headers });
          const body = (await res.body.json()) as { total: number };
          if (res.statusCode !== 200) throw new Error(`listing ${q}: ${res.statusCode} ${JSON.stringify(body)}`);
          const ms = performance.now() - t0;
          if (round === 0) continue; // the first round warms the caches
          times[q] = [...(times[q] ?? []), ms];
          all.push(ms);
        }
      all.sort((a, b) => a - b);
      const perQuery = Object.fromEntries(
        Object.entries(times).map(([q, t]) => {
          t.sort((a, b) => a - b);
          return [q, { p50: percentile(t, 50), p95: percentile(t, 95) }];
        }),
      );
      return { stock: STOCK, p50: percentile(all, 50), p95: percentile(all, 95), perQuery };
    },
  );
}

type PurchaseMode = "hold+pay" | "buy";
type Headers = Record<string, string>;

/**
 * One purchase as a broker's screen makes it: reserve then pay by credits (two requests), or buy by
 * credits in one step (one request). True when the lead was bought.
 */
async function purchase(server: { url: string }, agent: Agent, headers: Headers, mode: PurchaseMode, leadId: string, key: string) {
  const url = `${server.url}/api/v1/market/leads/${leadId}`;
  if (mode === "buy") {
    const res = await request(`${url}/buy`, { method: "POST", dispatcher: agent, headers: { ...headers, "idempotency-key": key } });
    await res.body.text();
    return res.statusCode === 200;
  }
  const hold = await request(`${url}/hold`, { method: "POST", dispatcher: agent, headers: { ...headers, "idempotency-key": key } });
  const held = (await hold.body.json()) as { id: string };
  const pay = await request(`${server.url}/api/v1/market/holds/${held.id}/pay`, {
    method: "POST",
    dispatcher: agent,
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ method: "credits" }),
  });
  await pay.body.text();
  return hold.statusCode === 201 && pay.statusCode === 200;
}

/**
 * `leads.length` purchases by as many buyers as sessions, each on leads of its own. Without `rate`, every
 * buyer starts its next purchase the moment the last one ends: the most the server does, and a latency
 * that is mostly the queue of 64 buyers. With `rate`, purchase k is due at k / rate seconds (the buyers
 * take turns): the latency at that load, counted from when the purchase was due, so a purchase that had
 * to wait for the one before it counts its wait (no coordinated omission).
 */
async function purchaseRun(
  server: Parameters<typeof cpuMeter>[0],
  c: pg.Client,
  sessions: Headers[],
  leads: string[],
  mode: PurchaseMode,
  rate?: number,
) {
  const agent = new Agent({ connections: sessions.length });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const cpu = cpuMeter(server);
  const started = performance.now();
  const dueAt = (k: number) => (rate ? started + (k * 1000) / rate : performance.now());
  await Promise.all(
    sessions.map(async (headers, b) => {
      const take = () => (rate ? b + sessions.length * n++ : next++);
      let n = 0;
      for (let k = take(); k < leads.length; k = take()) {
        const due = dueAt(k);
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (!(await purchase(server, agent, headers, mode, leads[k] as string, `bench-${mode}-${rate ?? 0}-${k}`))) failures++;
        latencies.push(performance.now() - due);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpu.msPer(leads.length);
  await agent.close();
  latencies.sort((a, b) => a - b);
  const deliveries = await drainDeliveries(c);
  return {
    mode,
    offeredPerSecond: rate ?? null,
    purchases: leads.length,
    perSecond: leads.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
    ...cpuMs,
    ...deliveries,
  };
}

/**
 * Runs on one server, `PURCHASES` purchases each: reserve + pay, then buy in one step (`MODES`), at full
 * speed, then paced at `RATE` purchases a second; then the checks over every sale.
 */
async function purchasePhase() {
  const plan = [undefined, RATE].flatMap((rate) => MODES.map((mode) => [mode, rate] as const));
  return withFreshServer(
    "la_bench_buy",
    (c) => stockLeads(c, plan.length * PURCHASES + 1000),
    async (server, c) => {
      const buyers = await createBuyers(c, BUYERS, 1_000_000_00);
      const sessions = await Promise.all(buyers.map((b, i) => login(server, b.email, i)));
      const { rows } = await c.query<{ lead_id: string }>("select lead_id from market_listings order by received_at desc limit $1", [
        plan.length * PURCHASES,
      ]);
      const leads = rows.map((r) => r.lead_id);
      const runs = [];
      for (const [i, [mode, rate]] of plan.entries()) {
        const run = await purchaseRun(server, c, sessions, leads.slice(i * PURCHASES, (i + 1) * PURCHASES), mode, rate);
        console.log(purchaseLine(run));
        runs.push(run);
      }
      const { rows: check } = await c.query<{ sales: number; dup: number; ledger: number; spent: number }>(
        `select (select count(*) from lead_sales)::int as sales,
                (select count(*) - count(distinct lead_id) from lead_sales)::int as dup,
                (select coalesce(-sum(amount_cents), 0) from ledger_entries where kind = 'marketplace_purchase')::int as ledger,
                (select coalesce(sum(price_cents), 0) from lead_sales)::int as spent`,
      );
      return { buyers: BUYERS, runs, ...(check[0] as { sales: number; dup: number; ledger: number; spent: number }) };
    },
  );
}

function purchaseLine(r: Awaited<ReturnType<typeof purchaseRun>>) {
  const how = r.mode === "buy" ? "acheter en crédits, en une fois" : "réserver + payer en crédits";
  const pace = r.offeredPerSecond === null ? "au plus vite" : `au rythme de ${fmt(r.offeredPerSecond)}/s`;
  return `  - ${how}, ${pace} : ${fmt(r.perSecond)} achats/s, p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, échecs ${r.failures} ; CPU par achat : serveur ${fmt(r.serverCpuMs, 2)} ms, PostgreSQL ${fmt(r.postgresCpuMs, 2)} ms, client de charge ${fmt(r.clientCpuMs, 2)} ms ; livraisons en attente à la fin : ${fmt(r.deliveriesPending)}, toutes faites ${r.deliveriesDrainedMs === null ? "plus de 2 min" : `${fmt(r.deliveriesDrainedMs / 1000, 1)} s`} après le dernier achat`;
}

/**
 * Sales are delivered (in-app notice, webhook, e-mail to the capture server) by jobs: how many were still
 * waiting at the end of the measured phase, and how long after it the last one due was done (2 minutes at
 * most). A brokerage's e-mail waits for the end of the minute when it already had one in it: that job is
 * not due yet, and not waited for. `mails`: the e-mails sent by then.
 */
async function drainDeliveries(c: pg.Client): Promise<{ deliveriesPending: number; deliveriesDrainedMs: number | null; mails: number }> {
  const pending = async () =>
    (
      await c.query<{ n: number }>(
        `select count(*)::int as n from jobs
          where kind in ('${SALE_DELIVERY_JOB}', '${SALE_MAIL_JOB}') and status not in ('done', 'failed') and run_at <= now()`,
      )
    ).rows[0]?.n ?? 0;
  const mails = async () => (await c.query<{ n: number }>("select count(*)::int as n from captured_messages")).rows[0]?.n ?? 0;
  const started = performance.now();
  const deliveriesPending = await pending();
  for (let left = deliveriesPending; left > 0; left = await pending()) {
    if (performance.now() - started > 120_000) return { deliveriesPending, deliveriesDrainedMs: null, mails: await mails() };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { deliveriesPending, deliveriesDrainedMs: performance.now() - started, mails: await mails() };
}

function leadBody(i: number): string {
  const product = "mutuelle-sante";
  return JSON.stringify({
    product,
    contact: {
      firstName: "Camille",
      lastName: `Route${i}`,
      phone: `06${1 + (i % 5)}${String(i).padStart(7, "0")}`,
      email: `route.${i}@example.fr`,
      postalCode: BENCH_COMMUNES[i % BENCH_COMMUNES.length]?.[0],
      city: BENCH_COMMUNES[i % BENCH_COMMUNES.length]?.[1],
    },
    consent: { ...SAMPLE_CONSENT, textVersion: DEMO_CONSENT_TEXT.version, collectedAt: new Date(Date.now() - 60_000).toISOString() },
    fields: sampleFieldValues(product, systemClock()),
  });
}

async function routingPhase() {
  return withFreshServer(
    "la_bench_route",
    async () => {},
    async (server, c) => {
      const buyers = await createBuyers(c, ORDERS, 1_000_000_00);
      // 50 active orders: each takes a share of the leads, the rest goes to the marketplace stock.
      await c.query(
        `insert into broker_orders (id, org_id, name, products, lead_type, departements, weekly_cap, daily_cap, status, created_at, updated_at)
         select gen_random_uuid(), org_id, 'Bench', array['mutuelle-sante'], 'lead', case when n % 2 = 0 then '{}'::text[] else array[$2::text] end,
                $1, null, 'active', now(), now()
         from (select org_id, row_number() over () as n from unnest($3::uuid[]) org_id) o`,
        [Math.ceil(LEADS / ORDERS / 2), BULK_DEPARTEMENTS[0], buyers.map((b) => b.org_id)],
      );
      const agent = new Agent({ connections: 32 });
      const latencies: number[] = [];
      let next = 0;
      let failures = 0;
      const cpu = cpuMeter(server);
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          for (let i = next++; i < LEADS; i = next++) {
            const t0 = performance.now();
            const res = await request(`${server.url}/api/v1/leads`, {
              method: "POST",
              dispatcher: agent,
              headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
              body: leadBody(i),
            });
            await res.body.text();
            latencies.push(performance.now() - t0);
            if (res.statusCode !== 201) failures++;
          }
        }),
      );
      const intakeSeconds = (performance.now() - started) / 1000;
      await agent.close();
      // Routing keeps pace if the backlog empties soon after the last lead.
      let backlog = 1;
      while (backlog > 0) {
        backlog = (await c.query<{ n: number }>("select count(*)::int as n from intake_backlog")).rows[0]?.n ?? 0;
        if (backlog > 0) await new Promise((r) => setTimeout(r, 100));
      }
      const routedSeconds = (performance.now() - started) / 1000;
      const cpuMs = cpu.msPer(LEADS / 1000);
      const deliveries = await drainDeliveries(c);
      latencies.sort((a, b) => a - b);
      const { rows } = await c.query<{ sold: number; stocked: number; over_cap: number; dup: number }>(
        `select (select count(*) from lead_sales)::int as sold, (select count(*) from market_listings)::int as stocked,
                (select count(*) from broker_orders o where (select count(*) from lead_sales s where s.order_id = o.id) > o.weekly_cap)::int as over_cap,
                (select count(*) - count(distinct lead_id) from lead_sales)::int as dup`,
      );
      return {
        leads: LEADS,
        orders: ORDERS,
        intakePerSecond: LEADS / intakeSeconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        failures,
        routedPerSecond: LEADS / routedSeconds,
        lagAfterIntakeMs: Math.round((routedSeconds - intakeSeconds) * 1000),
        ...cpuMs,
        ...deliveries,
        ...rows[0],
      };
    },
  );
}

const results: Record<string, unknown> = { date: new Date().toISOString() };
const lines = [`# bench:market — ${new Date().toISOString()} (PostgreSQL)`, ""];
if (PHASES.has("listing")) {
  const r = await listingPhase();
  results.listing = r;
  lines.push(`Salle de marché, ${fmt(r.stock)} leads en stock : p50 ${fmt(r.p50, 1)} ms, p95 ${fmt(r.p95, 1)} ms (7 filtres × 39 tours)`);
  for (const [q, t] of Object.entries(r.perQuery)) lines.push(`  - ${q} : p50 ${fmt(t.p50, 1)} ms, p95 ${fmt(t.p95, 1)} ms`);
  console.log(lines.slice(-8).join("\n"));
}
if (PHASES.has("purchases")) {
  const r = await purchasePhase();
  results.purchases = r;
  lines.push(
    `Achats en salle de marché, ${r.buyers} acheteurs, ${fmt(PURCHASES)} achats par série : ${r.sales} ventes, ${r.dup} en double, grand livre ${r.ledger === r.spent ? "exact" : "FAUX"}`,
    ...r.runs.map(purchaseLine),
  );
  console.log(lines.at(-(r.runs.length + 1)));
}
if (PHASES.has("routing")) {
  const r = await routingPhase();
  results.routing = r;
  lines.push(
    `Réception API avec routage (${r.orders} commandes actives) : ${fmt(r.intakePerSecond)} leads/s, p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, échecs ${r.failures} ; routage ${fmt(r.routedPerSecond)} leads/s (fini ${fmt(r.lagAfterIntakeMs)} ms après le dernier lead) ; CPU pour 1 000 leads : serveur ${fmt(r.serverCpuMs)} ms, PostgreSQL ${fmt(r.postgresCpuMs)} ms, client de charge ${fmt(r.clientCpuMs)} ms : ${r.sold} vendus en exclusivité, ${r.stocked} en salle de marché, ${r.over_cap} plafond dépassé, ${r.dup} en double ; livraisons (avis, webhooks, e-mails) en attente une fois tout routé : ${fmt(r.deliveriesPending)} tâches, toutes faites ${r.deliveriesDrainedMs === null ? "plus de 2 min" : `${fmt(r.deliveriesDrainedMs / 1000, 1)} s`} après ; ${fmt(r.mails)} e-mails envoyés`,
  );
  console.log(lines.at(-1));
}
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/market-latest.json", `${JSON.stringify(results, null, 2)}\n`);
writeFileSync("bench/results/market-latest.md", `${lines.join("\n")}\n`);
