/**
 * npm run bench:followup [-- --clients 100000 --runs 50 --keep]
 *
 * On a fresh PostgreSQL database: 100,000 clients with their contracts (set-based inserts, first
 * contracts spread over the last 24 months), then
 * 1. the M+3 campaign of the current month (one statement; target < 10 s), and its idempotent re-run;
 * 2. the catch-up of the 23 earlier months, then a realistic spread of states, actions and new contracts;
 * 3. p50/p95 of the dashboard measures and the agents' lists over N runs each (target p95 < 100 ms).
 * Results go to bench/results/followup-latest.{md,json}.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createOrganisation, createUser } from "../src/modules/accounts/provision-accounts";
import { addMonths, parisMonth } from "../src/modules/catalogue/rules/dates";
import { getFollowup } from "../src/modules/followup/call/get-followup";
import { runCampaign } from "../src/modules/followup/campaign/run-campaign";
import { listFollowups } from "../src/modules/followup/team/list-followups";
import { followupMeasures } from "../src/modules/followup/team/measures";
import { myActions } from "../src/modules/followup/team/my-actions";
import { type Db, openDatabase } from "../src/platform/db/client";
import { runMigrations } from "../src/platform/db/migrate";
import { fmt, freshDatabase, percentile } from "./support";

const { values: args } = parseArgs({
  options: {
    clients: { type: "string", default: "100000" },
    runs: { type: "string", default: "50" },
    keep: { type: "boolean", default: false },
  },
});
const CLIENTS = Number(args.clients);
const RUNS = Number(args.runs);
const MANAGERS = 6;
const now = new Date();
const month = parisMonth(now);

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function latency(name: string, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i); // warm-up: plans cached, pages in memory
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push((await time(() => fn(i))).ms);
  samples.sort((a, b) => a - b);
  const row = { name, runs: RUNS, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1) ?? 0 };
  console.log(
    `${name.padEnd(46)} p50 ${fmt(row.p50, 1).padStart(7)} ms   p95 ${fmt(row.p95, 1).padStart(7)} ms   max ${fmt(row.max, 1)} ms`,
  );
  return row;
}

async function seed(db: Db) {
  const org = await createOrganisation(db, { kind: "courtier", name: "Cabinet Bench", siren: "552100554", orias: "07012345" });
  const people = [];
  for (let i = 0; i < MANAGERS + 1; i++) {
    people.push(
      await createUser(db, {
        orgId: org.id,
        role: i === 0 ? "broker_admin" : "broker_agent",
        email: `bench-${i}@cabinet.bench`,
        password: "bench-password-123",
        firstName: `Prénom${i}`,
        lastName: `Nom${i}`,
      }),
    );
  }
  const ids = people.map((p) => p.id);
  await db.execute(
    sql`insert into agencies (org_id, name, brand) values (${org.id}, 'Corniche', 'Allianz'), (${org.id}, 'Rouvière', 'Allianz')`,
  );
  await db.execute(sql`
    insert into agency_members (user_id, agency_id, handles_professionals)
    select u.id, (select id from agencies where org_id = ${org.id} order by name limit 1 offset (u.n % 2)), u.n = 1
      from (select id, row_number() over (order by created_at) as n from users where org_id = ${org.id}) u`);
  const t = await time(async () => {
    // One statement per table: clients, then their contracts (a first one, and 0-3 later ones; ~8 % held elsewhere).
    await db.execute(sql`
      insert into clients (org_id, agency_id, account_manager_id, type, is_tns, civility, first_name, last_name, phone, email,
                           address_line, postal_code, city, marital_status, professional_status, children_count, housing, birth_date, created_at)
      select ${org.id}, (select id from agencies where org_id = ${org.id} order by name limit 1 offset (g % 2)),
             case when g % 10 = 0 then null else (${sql.param(ids)}::uuid[])[2 + g % ${MANAGERS}] end,
             case when g % 20 = 0 then 'professionnel' when g % 50 = 0 then 'entreprise' else 'particulier' end, g % 17 = 0,
             case when g % 2 = 0 then 'M.' else 'Mme' end, 'Prénom' || g, 'Client' || g, '+3361' || lpad((g % 10000000)::text, 7, '0'),
             'client' || g || '@example.fr', g || ' rue de la République', '13001', 'Marseille',
             (array['celibataire','marie','pacse','divorce'])[1 + g % 4], (array['salarie_prive','fonctionnaire','retraite','tns_independant'])[1 + g % 4],
             g % 4, (array['proprietaire','locataire','heberge'])[1 + g % 3], date '1950-01-01' + (g * 7919 % 18000), now()
        from generate_series(1, ${CLIENTS}) g`);
    await db.execute(sql`
      insert into contracts (org_id, client_id, product_line, is_ours, start_date, dp_signed, documents_provided)
      select c.org_id, c.id, (array['auto','habitation','sante','prevoyance','protection_juridique','gav','per'])[1 + (k + h) % 7],
             not (k > 0 and h % 12 = 0),
             (date_trunc('month', now()) - interval '24 months')::date + (h % 730) + k * 40,
             h % 5 <> 0, '["cni"]'::jsonb
        from (select id, org_id, abs(hashtext(id::text)) as h from clients where org_id = ${org.id}) c
        cross join lateral generate_series(0, c.h % 4) k`);
  });
  await db.execute(sql`analyze`);
  return { orgId: org.id, adminId: ids[0] as string, agentIds: ids.slice(1), seedMs: t.ms };
}

/** A realistic spread of the M+3 work once the campaigns have run: states, answers, actions, new contracts. */
async function spreadActivity(db: Db, orgId: string) {
  const states = sql.param([
    "preparation",
    "contact_attempt",
    "scheduled_callback",
    "admin_profile_update",
    "commercial_rebound",
    "action_plan",
    "closed",
    "closed",
    "closed",
  ]);
  await db.execute(sql`
    update followups f set state = (${states}::text[])[1 + abs(hashtext(f.id::text)) % 9],
           reached_at = case when abs(hashtext(f.id::text)) % 9 >= 3 then f.created_at end,
           record_qualified = abs(hashtext(f.id::text)) % 9 >= 5,
           rebound = case when abs(hashtext(f.id::text)) % 9 >= 4 then '{"noOtherInsurer":true,"retainedGaps":["gav","per"]}'::jsonb end,
           retained_gaps = case when abs(hashtext(f.id::text)) % 9 >= 4 then 2 else 0 end
     where f.org_id = ${orgId}`);
  await db.execute(sql`
    insert into followup_actions (org_id, followup_id, client_id, kind, due_date, owner_id, status)
    select f.org_id, f.id, f.client_id, (array['quote','appointment','follow_up'])[1 + abs(hashtext(f.id::text)) % 3],
           current_date + (abs(hashtext(f.client_id::text)) % 40) - 20, coalesce(f.assigned_to, (select id from users where org_id = ${orgId} limit 1)),
           case when abs(hashtext(f.client_id::text)) % 3 = 0 then 'done' else 'open' end
      from followups f where f.org_id = ${orgId} and f.state in ('action_plan', 'closed')`);
  await db.execute(sql`
    insert into contracts (org_id, client_id, product_line, is_ours, start_date)
    select f.org_id, f.client_id, 'protection_juridique', true, current_date
      from followups f where f.org_id = ${orgId} and f.state = 'closed' and abs(hashtext(f.id::text)) % 3 = 0`);
  // Autovacuum would get there too; the bench measures the steady state, visibility map included.
  await db.execute(sql`vacuum analyze`);
}

const database = await freshDatabase("postgres", "la_bench_followup");
const connection = await openDatabase({ url: database.env.DATABASE_URL, poolSize: 4 });
const { db } = connection;
const results: Record<string, unknown> = { date: now.toISOString(), clients: CLIENTS, runs: RUNS, month };
const lines = [
  `# bench:followup — ${now.toISOString()}`,
  "",
  `PostgreSQL, ${fmt(CLIENTS)} clients, campagne ${month}, ${RUNS} mesures par requête`,
  "",
];
try {
  await runMigrations(connection);
  const s = await seed(db);
  const [{ contracts }] = (
    (await db.execute(sql`select count(*)::int as contracts from contracts`)) as unknown as { rows: { contracts: number }[] }
  ).rows as [{ contracts: number }];
  console.log(`seed: ${fmt(CLIENTS)} clients, ${fmt(contracts)} contracts in ${fmt(s.seedMs / 1000, 1)} s`);
  lines.push(
    `Jeu de données : ${fmt(CLIENTS)} clients, ${fmt(contracts)} contrats, insérés en ${fmt(s.seedMs / 1000, 1)} s (deux requêtes ensemblistes).`,
    "",
  );

  const campaign = await time(() => runCampaign(db, { orgId: s.orgId, month }));
  const rerun = await time(() => runCampaign(db, { orgId: s.orgId, month }));
  console.log(
    `campaign ${month}: ${fmt(campaign.value.created)} follow-ups in ${fmt(campaign.ms)} ms; re-run ${fmt(rerun.value.created)} in ${fmt(rerun.ms)} ms`,
  );
  const catchUp = await time(async () => {
    let created = 0;
    for (let i = 1; i <= 23; i++) created += (await runCampaign(db, { orgId: s.orgId, month: addMonths(month, -i) })).created;
    return created;
  });
  console.log(`catch-up of 23 earlier months: ${fmt(catchUp.value)} follow-ups in ${fmt(catchUp.ms / 1000, 1)} s`);
  await spreadActivity(db, s.orgId);

  const ids = (
    (await db.execute(sql`select id::text as id from followups where org_id = ${s.orgId} order by id limit 200`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows;
  const agent = (i: number) => ({ orgId: s.orgId, userId: s.agentIds[i % s.agentIds.length] as string, role: "broker_agent" as const });
  const queries = [
    await latency("mesures, 12 derniers mois (tableau de bord)", () => followupMeasures(db, s.orgId, { now })),
    await latency("mesures, 24 mois (toutes les cohortes)", () =>
      followupMeasures(db, s.orgId, { from: addMonths(month, -23), to: month, now }),
    ),
    await latency("mesures, mois de campagne seul", () => followupMeasures(db, s.orgId, { from: month, to: month, now })),
    await latency("Mes appels M+3 (à traiter, 50 premiers)", (i) =>
      listFollowups(db, agent(i), { assignee: "me", state: "open", limit: 50, offset: 0 }),
    ),
    await latency("Mes actions", (i) => myActions(db, agent(i), now)),
    await latency("écran d'appel (GET /followups/:id)", (i) => getFollowup(db, agent(i), ids[i % ids.length]?.id as string, now)),
  ];
  const [{ n }] = ((await db.execute(sql`select count(*)::int as n from followups`)) as unknown as { rows: { n: number }[] }).rows as [
    { n: number },
  ];
  // The machine is shared: the load during the runs says how much of the latency is the query's own.
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));

  Object.assign(results, {
    contracts,
    seedMs: Math.round(s.seedMs),
    campaign: { created: campaign.value.created, ms: Math.round(campaign.ms), targetMs: 10_000, rerunMs: Math.round(rerun.ms) },
    catchUp: { months: 23, created: catchUp.value, ms: Math.round(catchUp.ms) },
    followups: n,
    loadAverage: load,
    cpus: os.cpus().length,
    queries: queries.map((q) => ({
      ...q,
      p50: Number(q.p50.toFixed(1)),
      p95: Number(q.p95.toFixed(1)),
      max: Number(q.max.toFixed(1)),
      targetP95: 100,
    })),
  });
  lines.push(
    "| étape | résultat | cible |",
    "| --- | --- | --- |",
    `| campagne du mois ${month} | ${fmt(campaign.value.created)} suivis créés en ${fmt(campaign.ms)} ms | < 10 s |`,
    `| même campagne relancée (idempotente) | ${fmt(rerun.value.created)} créé en ${fmt(rerun.ms)} ms | |`,
    `| rattrapage des 23 mois précédents | ${fmt(catchUp.value)} suivis en ${fmt(catchUp.ms / 1000, 1)} s | |`,
    "",
    `Requêtes sur ${fmt(n)} suivis M+3 (après rattrapage et activité simulée), ${RUNS} exécutions chacune ; charge de la machine pendant les mesures : ${load.join(" / ")} (1, 5, 15 min) sur ${os.cpus().length} cœurs.`,
    "",
    "| requête | p50 | p95 | max | cible p95 |",
    "| --- | --- | --- | --- | --- |",
    ...queries.map((q) => `| ${q.name} | ${fmt(q.p50, 1)} ms | ${fmt(q.p95, 1)} ms | ${fmt(q.max, 1)} ms | < 100 ms |`),
  );
} finally {
  await connection.close();
  // --keep leaves the database for EXPLAIN sessions (psql …/la_bench_followup).
  if (!args.keep) await database.drop();
}
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/followup-latest.json", `${JSON.stringify(results, null, 2)}\n`);
writeFileSync("bench/results/followup-latest.md", `${lines.join("\n")}\n`);
console.log("→ bench/results/followup-latest.{md,json}");
process.exit(0);
