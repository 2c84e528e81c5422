import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { signupBody } from "../../../tests/factories/brokerages";
import { validLead } from "../../../tests/factories/leads";
import { emptyPostgresDatabase, type ServerProcess, spawnServer } from "../../../tests/support/server-process";
import type { AuthContext } from "../../platform/auth-context";
import { type Database, openDatabase } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { DEMO_SUPPLIER_API_KEY } from "../../seed/demo";
import { DEMO_CONSENT_TEXT } from "../../seed/demo-consent-text";
import { creditWallet } from "../billing";
import { PARTNER_CATEGORY_KEYS } from "../brokers/rules/partner-categories";
import { expireHolds, holdLead } from "./hold-lead";

let server: ServerProcess | undefined;
let database: Database | undefined;
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await server?.kill();
  await database?.close();
  await drop?.();
});

interface Broker {
  orgId: string;
  userId: string;
  cookie: string;
  csrf: string;
}

let ip = 0;
const fromAddress = () => ({ "x-forwarded-for": `203.0.113.${(++ip % 250) + 1}`, "content-type": "application/json" });

async function post(url: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> & { error?: { code: string } } };
}

/** A brokerage signed up and logged in through the server's API, verified by the operator, with credits. */
async function broker(base: string, db: Database["db"], operatorId: string, creditsCents: number): Promise<Broker> {
  const payload = signupBody();
  const signed = await post(`${base}/api/v1/brokerages`, payload, fromAddress());
  if (signed.status !== 201) throw new Error(`sign-up: ${signed.status} ${JSON.stringify(signed.body)}`);
  const { organisation, user } = signed.body as unknown as { organisation: { id: string }; user: { id: string } };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: fromAddress(),
    body: JSON.stringify({ email: payload.email, password: payload.password }),
  });
  const cookie = /la_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`login: ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  await db.execute(sql`update brokerages set verified_by = ${operatorId}::uuid, verified_at = now(),
      orias_categories = ${sql.param(["COA", "COBSP"])}::text[], partner_categories = ${sql.param([...PARTNER_CATEGORY_KEYS])}::text[]
    where org_id = ${organisation.id}::uuid`);
  await db.transaction((tx) =>
    creditWallet(tx, {
      orgId: organisation.id,
      amountCents: creditsCents,
      kind: "adjustment",
      reference: `kill-${organisation.id}`,
      now: new Date(),
    }),
  );
  return { orgId: organisation.id, userId: user.id, cookie, csrf: csrfToken };
}

const one = async <T>(db: Database["db"], query: ReturnType<typeof sql>) => (await rawRows<{ v: T }>(db, query))[0]?.v as T;

describe("a server killed during marketplace purchases and exclusive routing", () => {
  it.runIf(process.env.DATABASE_URL)(
    "sells no lead twice, loses no lead nor credit, and leaves no hold stuck (kill -9 of a real server process on PostgreSQL)",
    async () => {
      const fresh = await emptyPostgresDatabase("la_mkill");
      drop = fresh.drop;
      const env = { DATABASE_URL: fresh.url, TRUST_PROXY: "127.0.0.1" };
      server = await spawnServer(env);
      database = await openDatabase({ url: fresh.url, poolSize: 4 });
      const db = database.db;
      // The demo consent text names every partner category (the test lifts the immutability trigger as owner).
      await db.execute(sql`alter table consent_texts disable trigger user`);
      await db.execute(
        sql`update consent_texts set partner_categories = ${sql.param([...PARTNER_CATEGORY_KEYS])}::text[] where version = ${DEMO_CONSENT_TEXT.version}`,
      );
      await db.execute(sql`alter table consent_texts enable trigger user`);
      const operatorId = await one<string>(db, sql`select id as v from users where role = 'platform_admin' limit 1`);

      let base = server.url;
      const buyers: Broker[] = [];
      for (let i = 0; i < 10; i++) buyers.push(await broker(base, db, operatorId, 200_000));
      const orderers = buyers.slice(0, 4);
      for (const [i, b] of orderers.entries()) {
        const res = await post(
          `${base}/api/v1/market/orders`,
          { name: `Santé ${i}`, products: ["mutuelle-sante"], leadType: "lead", departements: [], weeklyCap: 60 + i * 20, dailyCap: null },
          { cookie: b.cookie, "x-csrf-token": b.csrf },
        );
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }

      const accepted = new Set<string>();
      const purchases = new Map<string, string>(); // sale id -> buyer org
      let stopping = false;
      const sender = async () => {
        while (!stopping) {
          try {
            const res = await post(`${base}/api/v1/leads`, validLead(DEMO_CONSENT_TEXT.version, {}, "mutuelle-sante"), {
              authorization: `Bearer ${DEMO_SUPPLIER_API_KEY}`,
            });
            if (res.status === 201 && res.body.status === "accepted") accepted.add(res.body.id as string);
          } catch {
            return; // the process is gone
          }
        }
      };
      const shopper = async (b: Broker, bi: number) => {
        const auth = { cookie: b.cookie, "x-csrf-token": b.csrf };
        for (let k = 0; !stopping; k++) {
          try {
            const list = await fetch(`${base}/api/v1/market/leads?product=mutuelle-sante&pageSize=20`, { headers: auth });
            const items = ((await list.json()) as { items?: { leadId: string; heldUntil: string | null }[] }).items ?? [];
            const free = items.filter((i) => !i.heldUntil);
            const pick = free[Math.floor(Math.random() * free.length)];
            if (!pick) {
              await new Promise((r) => setTimeout(r, 30));
              continue;
            }
            const key = { ...auth, "idempotency-key": `kill-${bi}-${k}-xxxx` };
            // Half the shoppers buy in one step, the purchases of the moment grouped in one statement.
            if (bi % 2 === 1) {
              const bought = await post(`${base}/api/v1/market/leads/${pick.leadId}/buy`, {}, key);
              if (bought.status === 200) purchases.set(bought.body.saleId as string, b.orgId);
              continue;
            }
            const hold = await post(`${base}/api/v1/market/leads/${pick.leadId}/hold`, {}, key);
            if (hold.status !== 201) continue;
            const paid = await post(`${base}/api/v1/market/holds/${hold.body.id}/pay`, { method: "credits" }, auth);
            if (paid.status === 200) purchases.set((paid.body.purchase as { saleId: string }).saleId, b.orgId);
          } catch {
            return;
          }
        }
      };
      const started = performance.now();
      const running = [...Array.from({ length: 3 }, sender), ...buyers.slice(4).map((b, i) => shopper(b, i))];
      await expect.poll(() => accepted.size >= 400 && purchases.size >= 20, { timeout: 90_000, interval: 50 }).toBe(true);

      // A buyer holds a lead and the server dies before it pays. The shoppers hold free leads meanwhile: a
      // lead one of them took between the read and the hold is answered 409, and the buyer takes another.
      const holder = buyers[9] as Broker;
      const tried: string[] = [];
      let stocked: { lead_id: string } | undefined;
      let held: Awaited<ReturnType<typeof post>> | undefined;
      for (let attempt = 0; attempt < 20 && held?.status !== 201; attempt++) {
        [stocked] = await rawRows<{ lead_id: string }>(
          db,
          sql`select lead_id from market_listings where sold_at is null and hold_until is null and expires_at > now()
              and lead_id = any(${sql.param([...accepted])}::uuid[]) and lead_id <> all(${sql.param(tried)}::uuid[]) limit 1`,
        );
        tried.push(stocked?.lead_id as string);
        held = await post(
          `${base}/api/v1/market/leads/${stocked?.lead_id}/hold`,
          {},
          { cookie: holder.cookie, "x-csrf-token": holder.csrf, "idempotency-key": `tient-puis-meurt-${attempt}` },
        );
      }
      expect(held?.status, JSON.stringify(held?.body)).toBe(201);
      await server.kill();
      const killedAt = new Date();
      stopping = true;
      await Promise.all(running);
      const killSeconds = Math.round((performance.now() - started) / 1000);
      const backlogAtKill = await one<number>(db, sql`select count(*)::int as v from intake_backlog`);

      // Restart on the same database: the worker routes what the killed one had claimed or not yet taken.
      server = await spawnServer(env);
      base = server.url;
      await expect
        .poll(() => one<number>(db, sql`select count(*)::int as v from intake_backlog`), { timeout: 60_000, interval: 200 })
        .toBe(0);

      const ids = [...accepted];
      const fate = await rawRows<{ id: string; sales: number; listed: number }>(
        db,
        sql`select l.id, (select count(*) from lead_sales s where s.lead_id = l.id)::int as sales,
                   (select count(*) from market_listings m where m.lead_id = l.id)::int as listed
            from leads l where l.id = any(${sql.param(ids)}::uuid[])`,
      );
      const exclusive = await one<number>(db, sql`select count(*)::int as v from lead_sales where channel = 'exclusive'`);
      console.log(
        `kill after ${killSeconds} s: ${accepted.size} leads acknowledged, ${purchases.size} purchases acknowledged, ${exclusive} exclusive sales, ${backlogAtKill} leads left in the backlog by the killed worker`,
      );
      expect(fate).toHaveLength(ids.length);
      expect(fate.filter((f) => f.sales > 1)).toEqual([]);
      expect(fate.filter((f) => f.sales === 0 && f.listed === 0)).toEqual([]);
      for (const [saleId, org] of purchases)
        expect(await one<string>(db, sql`select buyer_org_id::text as v from lead_sales where id = ${saleId}::uuid`)).toBe(org);

      // No credit lost: balances are their ledgers, and every debit paid for one sale at its price.
      expect(
        await rawRows(
          db,
          sql`select w.org_id from wallets w left join ledger_entries e on e.org_id = w.org_id
              group by w.org_id, w.balance_cents having w.balance_cents <> coalesce(sum(e.amount_cents), 0)`,
        ),
      ).toEqual([]);
      for (const [kind, channel] of [
        ["marketplace_purchase", "marketplace"],
        ["exclusive_sale", "exclusive"],
      ] as const) {
        const debited = await one<number>(
          db,
          sql`select coalesce(-sum(amount_cents), 0)::int as v from ledger_entries where kind = ${kind}`,
        );
        const sold = await one<number>(db, sql`select coalesce(sum(price_cents), 0)::int as v from lead_sales where channel = ${channel}`);
        expect({ kind, debited }).toEqual({ kind, debited: sold });
      }
      // Caps held through the crash.
      const overrun = await rawRows(
        db,
        sql`select o.id from broker_orders o where (select count(*) from lead_sales s where s.order_id = o.id) > o.weekly_cap
              or (select coalesce(sum(received), 0) from order_counters c where c.order_id = o.id and c.period like 'W%')
                 <> (select count(*) from lead_sales s where s.order_id = o.id)`,
      );
      expect(overrun).toEqual([]);

      // The killed buyer's hold: still someone's until its end (the restarted server says so), nobody's after.
      const other = buyers[5] as Broker;
      const early = await post(
        `${base}/api/v1/market/leads/${stocked?.lead_id}/hold`,
        {},
        { cookie: other.cookie, "x-csrf-token": other.csrf, "idempotency-key": "apres-redemarrage-1" },
      );
      expect(early.body.error?.code).toBe("lead_on_hold");
      const after = new Date(killedAt.getTime() + 6 * 60_000);
      const otherAuth: AuthContext = {
        userId: other.userId,
        orgId: other.orgId,
        orgKind: "courtier",
        orgName: "",
        role: "broker_admin",
        apiKeyId: null,
        via: "session",
        csrfToken: null,
      };
      const retaken = await holdLead(db, otherAuth, { leadId: stocked?.lead_id as string, idempotencyKey: "apres-redemarrage-2" }, after);
      expect(retaken.orgId).toBe(other.orgId);
      // The sweep marks the killed buyer's hold expired (holdLead closed it already: nothing stays active past its end).
      await expireHolds(db, new Date(after.getTime() + 6 * 60_000));
      expect(await one<string>(db, sql`select status as v from market_holds where id = ${held?.body.id as string}::uuid`)).toBe("expired");
      expect(await one<number>(db, sql`select count(*)::int as v from market_holds where status = 'active'`)).toBe(0);
    },
    240_000,
  );
});
