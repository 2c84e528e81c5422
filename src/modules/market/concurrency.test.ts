import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { coverEveryCategory, operatorSession, verifiedBuyer } from "../../../tests/support/market";
import { asUser, createTestApp, type Session, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { rawRows } from "../../platform/db/raw-rows";
import { creditWallet, type PaymentProvider, settleCardPayment, walletBalance } from "../billing";
import { claimAcceptedLeads } from "../intake";
import { payHoldByCard } from "./buy-lead";
import { expireHolds } from "./hold-lead";
import { ensurePriceGrid } from "./price-grid";
import { routeLeads } from "./route-leads";
import { stockLeads } from "./stock-leads";

/**
 * §8 correctness under real parallelism: PostgreSQL only (PGlite is one connection, nothing runs in
 * parallel there). Each request and each router below runs on its own pooled connection of the server's
 * database, so the races are the database's, not JavaScript's.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

/** Tuesday 1 December 2026, 10:00 in Paris; the hold tests move it forward. */
let now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operatorId: string;
type Buyer = Awaited<ReturnType<typeof verifiedBuyer>>;

async function sendLead(product = "mutuelle-sante", postalCode = "75011", city = "Paris"): Promise<string> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/leads",
    headers: { authorization: `Bearer ${supplier.apiKey}` },
    payload: validLead(supplier.version, { contact: { ...validLead(supplier.version).contact, postalCode, city } }, product, clock()),
  });
  if (res.json().status !== "accepted") throw new Error(`lead refused: ${res.body}`);
  return res.json().id as string;
}

/** Runs `task` over `items` with at most `width` at a time. */
async function inParallel<T, R>(items: readonly T[], width: number, task: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i] as T, i);
      }
    }),
  );
  return out;
}

const hold = (s: Session, leadId: string, key: string) =>
  ctx.app.inject({ method: "POST", url: `/api/v1/market/leads/${leadId}/hold`, headers: { ...asUser(s), "idempotency-key": key } });
const payCredits = (s: Session, holdId: string) =>
  ctx.app.inject({ method: "POST", url: `/api/v1/market/holds/${holdId}/pay`, headers: asUser(s), payload: { method: "credits" } });

/** Hold then pay by credits: the sale's id, or the refusal's status and code. */
async function buy(b: Buyer, leadId: string, key: string): Promise<{ sold: string } | { status: number; code: string; message: string }> {
  const h = await hold(b.session, leadId, key);
  if (h.statusCode !== 201) return { status: h.statusCode, code: h.json().error?.code, message: h.json().error?.message };
  const p = await payCredits(b.session, h.json().id);
  if (p.statusCode !== 200) return { status: p.statusCode, code: p.json().error?.code, message: p.json().error?.message };
  return { sold: p.json().purchase.saleId as string };
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await rawRows<{ v: T }>(ctx.db, query))[0]?.v as T;
}

/** The money invariants over the whole database: every cent moved is a ledger row and pays for one sale. */
async function expectLedgerExact() {
  const walletsOff = await rawRows<{ org_id: string; balance: number; ledger: number }>(
    ctx.db,
    sql`select w.org_id, w.balance_cents::int as balance, coalesce(sum(e.amount_cents), 0)::int as ledger
        from wallets w left join ledger_entries e on e.org_id = w.org_id
        group by w.org_id, w.balance_cents having w.balance_cents <> coalesce(sum(e.amount_cents), 0)`,
  );
  expect(walletsOff).toEqual([]);
  expect(await one<number>(sql`select count(*)::int as v from wallets where balance_cents < 0`)).toBe(0);
  for (const [kind, channel] of [
    ["marketplace_purchase", "marketplace"],
    ["exclusive_sale", "exclusive"],
  ] as const) {
    const debited = await one<number>(sql`select coalesce(-sum(amount_cents), 0)::int as v from ledger_entries where kind = ${kind}`);
    const sold = await one<number>(
      sql`select coalesce(sum(price_cents), 0)::int as v from lead_sales where channel = ${channel} and paid_with = 'credits'`,
    );
    expect({ kind, debited }).toEqual({ kind, debited: sold });
    // And one debit per sale, by its reference.
    const unmatched = await one<number>(
      sql`select count(*)::int as v from ledger_entries e where e.kind = ${kind}
          and not exists (select 1 from lead_sales s where s.payment_ref = e.reference and s.price_cents = -e.amount_cents)`,
    );
    expect({ kind, unmatched }).toEqual({ kind, unmatched: 0 });
  }
  expect(
    await one<number>(sql`select count(*)::int as v from (select lead_id from lead_sales group by lead_id having count(*) > 1) d`),
  ).toBe(0);
}

const buyers: Buyer[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  ctx = await createTestApp({}, { clock });
  supplier = await supplierFixture(ctx);
  await ensurePriceGrid(ctx.db, clock());
  operatorId = (await operatorSession(ctx)).user.id;
  await coverEveryCategory(ctx, supplier.version);
  // 100 verified brokerages, each with credits for every lead of the race (20 × 18,00 €) and more.
  buyers.push(
    ...(await inParallel(Array.from({ length: 100 }), 6, () => verifiedBuyer(ctx, { operatorId, creditsCents: 50_000, now: clock() }))),
  );
}, 120_000);
afterAll(async () => {
  if (onPostgres) await ctx.close();
});

describe.runIf(onPostgres)("marketplace under parallel buyers (PostgreSQL)", () => {
  it("100 brokers race for 20 leads: each sold once, every loser a clear 409, the ledger exact", async () => {
    const leads = await inParallel(Array.from({ length: 20 }), 4, () => sendLead());
    // No order asks for them yet: the intake stocked them as it stored them.
    expect(
      await one<number>(
        sql`select count(*)::int as v from market_listings where lead_id = any(${sql.param(leads)}::uuid[]) and sold_at is null`,
      ),
    ).toBe(20);
    const started = performance.now();
    // Every broker tries every lead, each in its own order, all brokers at once.
    const results = await Promise.all(
      buyers.map(async (b, bi) => {
        const mine: Awaited<ReturnType<typeof buy>>[] = [];
        for (let k = 0; k < leads.length; k++) {
          const leadId = leads[(k + bi) % leads.length] as string;
          mine.push(await buy(b, leadId, `course-${bi}-${k}-xxxx`));
        }
        return mine;
      }),
    );
    const flat = results.flat();
    const wins = flat.filter((r) => "sold" in r);
    const losses = flat.filter((r) => !("sold" in r)) as { status: number; code: string; message: string }[];
    console.log(
      `race: ${flat.length} attempts, ${wins.length} sales, ${losses.length} refusals in ${Math.round(performance.now() - started)} ms`,
    );
    expect(wins).toHaveLength(20);
    expect(losses).toHaveLength(100 * 20 - 20);
    expect(losses.filter((l) => l.status !== 409 || !["lead_on_hold", "lead_already_sold"].includes(l.code))).toEqual([]);
    expect(losses.find((l) => l.code === "lead_already_sold")?.message).toBe("Ce lead a déjà été vendu");

    const sales = await rawRows<{ lead_id: string; n: number }>(
      ctx.db,
      sql`select lead_id, count(*)::int as n from lead_sales where lead_id = any(${sql.param(leads)}::uuid[]) group by lead_id`,
    );
    expect(sales).toHaveLength(20);
    expect(sales.every((s) => s.n === 1)).toBe(true);
    expect(
      await one<number>(
        sql`select count(*)::int as v from market_holds where lead_id = any(${sql.param(leads)}::uuid[]) and status = 'paid'`,
      ),
    ).toBe(20);
    // Each buyer paid exactly what it bought.
    for (const b of buyers) {
      const spent = await one<number>(
        sql`select coalesce(sum(price_cents), 0)::int as v from lead_sales where buyer_org_id = ${b.orgId}::uuid`,
      );
      expect(await walletBalance(ctx.db, b.orgId)).toBe(50_000 - spent);
    }
    await expectLedgerExact();
  }, 90_000);

  it("100 brokers race for 20 leads buying in one step (purchases grouped): each sold once, every loser a clear 409, the ledger exact", async () => {
    const leads = await inParallel(Array.from({ length: 20 }), 4, () => sendLead());
    // Enough for every lead of the race, whatever each won in the previous one.
    await inParallel(buyers, 6, (b, i) =>
      ctx.db.transaction((tx) =>
        creditWallet(tx, { orgId: b.orgId, amountCents: 40_000, kind: "top_up", reference: `course-en-une-fois-${i}`, now: clock() }),
      ),
    );
    const before = new Map(await Promise.all(buyers.map(async (b) => [b.orgId, await walletBalance(ctx.db, b.orgId)] as const)));
    const results = await Promise.all(
      buyers.map(async (b, bi) => {
        const mine: { status: number; code?: string; saleId?: string }[] = [];
        for (let k = 0; k < leads.length; k++) {
          const res = await ctx.app.inject({
            method: "POST",
            url: `/api/v1/market/leads/${leads[(k + bi) % leads.length]}/buy`,
            headers: { ...asUser(b.session), "idempotency-key": `une-fois-${bi}-${k}-xxxx` },
          });
          mine.push({ status: res.statusCode, code: res.json().error?.code, saleId: res.json().saleId });
        }
        return mine;
      }),
    );
    const flat = results.flat();
    expect(flat.filter((r) => r.status === 200)).toHaveLength(20);
    expect(
      flat.filter((r) => r.status !== 200 && (r.status !== 409 || !["lead_on_hold", "lead_already_sold"].includes(r.code ?? ""))),
    ).toEqual([]);
    const sales = await rawRows<{ lead_id: string; n: number }>(
      ctx.db,
      sql`select lead_id, count(*)::int as n from lead_sales where lead_id = any(${sql.param(leads)}::uuid[]) group by lead_id`,
    );
    expect(sales.map((s) => s.n)).toEqual(Array.from({ length: 20 }, () => 1));
    for (const b of buyers) {
      const spent = await one<number>(
        sql`select coalesce(sum(price_cents), 0)::int as v from lead_sales where buyer_org_id = ${b.orgId}::uuid and lead_id = any(${sql.param(leads)}::uuid[])`,
      );
      expect(await walletBalance(ctx.db, b.orgId)).toBe((before.get(b.orgId) as number) - spent);
    }
    await expectLedgerExact();
  }, 90_000);

  it("routes 5,000 leads across 50 capped orders while brokers top up and buy: no cap exceeded, nothing sold twice", async () => {
    const started = performance.now();
    const orderers = buyers.slice(0, 50);
    const shoppers = buyers.slice(50);
    const orders = await inParallel(orderers, 5, async (b, i) => {
      const weeklyCap = 40 + (i % 5) * 20; // 40..120: 3,800 in all, fewer than the leads
      const dailyCap = i % 4 === 0 ? 25 : null;
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/market/orders",
        headers: asUser(b.session),
        payload: {
          name: `Santé ${i}`,
          products: ["mutuelle-sante"],
          leadType: "lead",
          departements: i % 3 === 0 ? ["75"] : [],
          weeklyCap,
          dailyCap,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return { id: res.json().id as string, orgId: b.orgId, weeklyCap, dailyCap };
    });
    // Orderers 20-49 have credit for their caps: their caps bind. Orderers 0-19 have about 15 leads' worth
    // (50,00 € less the race): their wallets bind, and 0-9 are topped up while leads are routed.
    await inParallel(orderers.slice(20), 4, (b, i) =>
      ctx.db.transaction((tx) =>
        creditWallet(tx, { orgId: b.orgId, amountCents: 500_000, kind: "top_up", reference: `gros-${i}`, now: clock() }),
      ),
    );

    const TOTAL = 5_000;
    let sent = 0;
    let sending = true;
    const senders = (async () => {
      await inParallel(Array.from({ length: TOTAL }), 8, async () => {
        if (sent++ % 2 === 0) await sendLead("mutuelle-sante", "75011", "Paris");
        else await sendLead("mutuelle-sante", "69003", "Lyon");
      }).finally(() => {
        sending = false;
      });
    })();

    // Three routers on three connections, as three instances' market workers.
    let routedRounds = 0;
    const router = async () => {
      for (;;) {
        const claimed = await ctx.db.transaction(async (tx) => {
          const ids = await claimAcceptedLeads(tx, 100);
          await routeLeads(tx, ids, clock());
          return ids.length;
        });
        routedRounds++;
        if (claimed === 0) {
          if (!sending) return;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    let routing = true;
    const routers = Promise.all([router(), router(), router()]).finally(() => {
      routing = false;
    });

    // Top-ups in parallel: each orderer receives 20 × 10,00 € over the run.
    let topUps = 0;
    const toppers = Promise.all(
      orderers.slice(0, 10).map(async (b, i) => {
        for (let k = 0; k < 20 && sending; k++) {
          await ctx.db.transaction((tx) =>
            creditWallet(tx, { orgId: b.orgId, amountCents: 1_000, kind: "top_up", reference: `recharge-${i}-${k}`, now: clock() }),
          );
          topUps++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }),
    );

    // Marketplace shoppers (and the orderers themselves) buy stocked leads in parallel.
    let shopped = 0;
    const refusals = new Map<string, number>();
    const shoppersRun = Promise.all(
      [...shoppers.slice(0, 20), ...orderers.slice(0, 5)].map(async (b, bi) => {
        for (let k = 0; sending || routing || k < 40; k++) {
          const [pick] = await rawRows<{ lead_id: string }>(
            ctx.db,
            sql`select lead_id from market_listings where sold_at is null and (hold_until is null or hold_until <= ${clock().toISOString()}::timestamptz)
                order by random() limit 1`,
          );
          if (!pick) {
            if (!sending && !routing) break;
            await new Promise((r) => setTimeout(r, 50));
            continue;
          }
          const r = await buy(b, pick.lead_id, `marche-${bi}-${k}-xxxx`);
          if ("sold" in r) shopped++;
          else refusals.set(r.code, (refusals.get(r.code) ?? 0) + 1);
        }
      }),
    );

    await senders;
    await Promise.all([routers, toppers, shoppersRun]);
    // What was accepted meanwhile but claimed by nobody yet (a router's last empty look raced a sender).
    for (;;) {
      const claimed = await ctx.db.transaction(async (tx) => {
        const ids = await claimAcceptedLeads(tx, 500);
        await routeLeads(tx, ids, clock());
        return ids.length;
      });
      if (claimed === 0) break;
    }
    const exclusive = await one<number>(sql`select count(*)::int as v from lead_sales where channel = 'exclusive'`);
    console.log(
      `routing: ${TOTAL} leads, ${exclusive} exclusive sales, ${shopped} marketplace purchases, ${topUps} top-ups, ${routedRounds} router rounds, ` +
        `refusals ${JSON.stringify(Object.fromEntries(refusals))}, ${Math.round(performance.now() - started)} ms`,
    );
    // The orderers who shop too may find their wallet emptied by the routers meanwhile: a clear 402, nothing else.
    expect([...refusals.keys()].filter((c) => !["lead_on_hold", "lead_already_sold", "insufficient_credits"].includes(c))).toEqual([]);

    // Caps: the counters and the sales themselves.
    for (const o of orders) {
      const [c] = await rawRows<{ week: number; day: number; sales: number }>(
        ctx.db,
        sql`select coalesce((select sum(received) from order_counters where order_id = ${o.id}::uuid and period like 'W%'), 0)::int as week,
                   coalesce((select sum(received) from order_counters where order_id = ${o.id}::uuid and period like 'D%'), 0)::int as day,
                   (select count(*) from lead_sales where order_id = ${o.id}::uuid)::int as sales`,
      );
      expect(c?.sales, `order ${o.id}`).toBeLessThanOrEqual(o.weeklyCap);
      expect(c?.week).toBe(c?.sales);
      expect(c?.day).toBe(c?.sales);
      if (o.dailyCap !== null) expect(c?.sales).toBeLessThanOrEqual(o.dailyCap);
    }
    // Every accepted lead of the run is sold once or in stock; the backlog is empty.
    expect(await one<number>(sql`select count(*)::int as v from intake_backlog`)).toBe(0);
    const lost = await one<number>(
      sql`select count(*)::int as v from leads l where l.status = 'accepted'
          and not exists (select 1 from lead_sales s where s.lead_id = l.id) and not exists (select 1 from market_listings m where m.lead_id = l.id)`,
    );
    expect(lost).toBe(0);
    expect(
      await one<number>(
        sql`select count(*)::int as v from market_listings m where m.sold_at is null and exists (select 1 from lead_sales s where s.lead_id = m.lead_id)`,
      ),
    ).toBe(0);
    expect(exclusive).toBeGreaterThan(1_000);
    expect(shopped).toBeGreaterThan(0);
    await expectLedgerExact();
  }, 180_000);

  it("holds: same key gives the same hold (even in parallel), expiry frees the lead, a late card payment is sold or becomes credits", async () => {
    const [a, b, c, d, e] = buyers.slice(95) as [Buyer, Buyer, Buyer, Buyer, Buyer];
    const [first, second, third] = await Promise.all([sendLead(), sendLead(), sendLead()]);
    await stockLeads(ctx.db, [first, second, third] as string[], clock());

    // A double click: five requests with the same key at once give one hold, the same for all.
    const clicks = await Promise.all(Array.from({ length: 5 }, () => hold(a.session, first as string, "double-clic-0001")));
    expect(clicks.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(clicks.map((r) => r.json().id)).size).toBe(1);
    const holdA = clicks[0]?.json();
    expect((await hold(a.session, second as string, "double-clic-0001")).json().error.code).toBe("idempotency_key_reused");
    expect((await hold(b.session, first as string, "autre-courtier-01")).json().error.code).toBe("lead_on_hold");

    // Five minutes later the hold is over: B holds and buys; A's late payment by credits is refused.
    now = new Date(now.getTime() + 5 * 60_000);
    const taken = await hold(b.session, first as string, "autre-courtier-02");
    expect(taken.statusCode, taken.body).toBe(201);
    expect((await payCredits(a.session, holdA.id)).json().error.code).toBe("hold_expired");
    expect((await payCredits(b.session, taken.json().id)).statusCode).toBe(200);

    // Card payments confirmed later (a webhook), as with Stripe: the provider answers "to confirm".
    const later: PaymentProvider = {
      name: "stripe",
      isDemo: false,
      async createPayment(input) {
        return { status: "requires_confirmation", providerPaymentId: `pi_${input.paymentId}`, clientSecret: "secret" };
      },
      parseWebhook() {
        throw new Error("not used");
      },
      async retrievePayment() {
        return { status: "pending" };
      },
    };
    const cardHold = async (buyer: Buyer, leadId: string, key: string) => {
      const h = (await hold(buyer.session, leadId, key)).json();
      const auth = {
        userId: buyer.userId,
        orgId: buyer.orgId,
        orgKind: "courtier",
        orgName: "",
        role: "broker_admin",
        apiKeyId: null,
        via: "session",
        csrfToken: null,
      } as const;
      const started = await payHoldByCard({ db: ctx.db, provider: later, now: clock }, auth, { holdId: h.id });
      expect(started.status).toBe("requires_confirmation");
      return { hold: h as { id: string; priceCents: number }, paymentId: started.paymentId };
    };
    const succeed = (paymentId: string) =>
      settleCardPayment(ctx.db, { type: "succeeded", paymentId, providerPaymentId: `pi_${paymentId}` }, clock());

    // The lead is still free when the late payment arrives: it is sold to the payer.
    const free = await cardHold(c, second as string, "carte-tardive-01");
    now = new Date(now.getTime() + 20 * 60_000);
    expect(await expireHolds(ctx.db, clock())).toBeGreaterThanOrEqual(1);
    const cBefore = await walletBalance(ctx.db, c.orgId);
    expect((await succeed(free.paymentId)).changed).toBe(true);
    const [soldToC] = await rawRows<{ buyer_org_id: string; paid_with: string; hold_id: string }>(
      ctx.db,
      sql`select buyer_org_id, paid_with, hold_id from lead_sales where lead_id = ${second}::uuid`,
    );
    expect(soldToC).toEqual({ buyer_org_id: c.orgId, paid_with: "card", hold_id: free.hold.id });
    expect(await walletBalance(ctx.db, c.orgId)).toBe(cBefore);

    // Someone else bought it meanwhile: the payment becomes credits, the lead stays the other's.
    const lost = await cardHold(d, third as string, "carte-tardive-02");
    now = new Date(now.getTime() + 6 * 60_000);
    expect("sold" in (await buy(e, third as string, "plus-rapide-0001"))).toBe(true);
    const dBefore = await walletBalance(ctx.db, d.orgId);
    expect((await succeed(lost.paymentId)).changed).toBe(true);
    expect((await succeed(lost.paymentId)).changed).toBe(false); // the webhook again: nothing more
    expect(await walletBalance(ctx.db, d.orgId)).toBe(dBefore + lost.hold.priceCents);
    const sales = await rawRows<{ buyer_org_id: string }>(ctx.db, sql`select buyer_org_id from lead_sales where lead_id = ${third}::uuid`);
    expect(sales).toEqual([{ buyer_org_id: e.orgId }]);
    expect(await one<string>(sql`select status as v from market_holds where id = ${lost.hold.id}::uuid`)).toBe("failed");
    expect(await one<string>(sql`select kind as v from invoices where payment_id = ${lost.paymentId}::uuid`)).toBe("top_up");
    await expectLedgerExact();
  }, 60_000);
});
