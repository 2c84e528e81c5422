import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedLead, marketTestApp, verifiedBuyer } from "../../../tests/support/market";
import type { supplierFixture, TestContext } from "../../../tests/support/test-app";
import type { AuthContext } from "../../platform/auth-context";
import { rawRows } from "../../platform/db/raw-rows";
import { readCheckpoints } from "../audit";
import { verifyLedger, walletBalance } from "../billing";
import { verifyEvidence } from "../evidence";
import { buyAtOnce, buyManyAtOnce } from "./buy-at-once";
import { buyWithCredits, buyWithCreditsInTransaction, payHoldWithCredits, payHoldWithCreditsInTransaction } from "./buy-lead";
import { holdAtOnce, holdManyAtOnce } from "./hold-at-once";
import { holdLead, holdLeadInTransaction } from "./hold-lead";
import { type PurchasedLead, payAtOnce, payManyAtOnce } from "./pay-at-once";

/** Tuesday 1 December 2026, 10:00 in Paris. */
const now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operatorId: string;

/** A lead no order asks for: the intake stocks it as it stores it. */
const stockedLead = () => acceptedLead(ctx, supplier, { product: "mutuelle-sante", postalCode: "75011", city: "Paris", now: clock() });

/** A verified brokerage with credits, as the route would see its buyer. */
async function buyer(creditsCents = 100_000): Promise<AuthContext> {
  const b = await verifiedBuyer(ctx, { operatorId, creditsCents, now });
  return {
    userId: b.userId,
    orgId: b.orgId,
    orgKind: "courtier",
    orgName: "Cabinet",
    role: "broker_admin",
    apiKeyId: null,
    via: "session",
    csrfToken: null,
  };
}

/** A purchase with what differs between two leads and buyers (the sale's id, the lead, its contact) set aside. */
const idsAside = (purchase: PurchasedLead | null) => ({ ...purchase, saleId: "SALE", leadId: "LEAD", contact: null });

/** Everything a purchase wrote for a brokerage, with its ids replaced by their role ("LEAD", "HOLD"…), so two purchases compare. */
async function writtenBy(orgId: string, leadId: string) {
  const [hold] = await rawRows<Record<string, unknown>>(
    ctx.db,
    sql`select id, status, price_cents, price_version, tier, payment_ref, closed_at is not null as closed from market_holds where lead_id = ${leadId}::uuid and org_id = ${orgId}::uuid`,
  );
  const [sale] = await rawRows<Record<string, unknown>>(ctx.db, sql`select * from lead_sales where lead_id = ${leadId}::uuid`);
  const ledger = await rawRows<Record<string, unknown>>(
    ctx.db,
    sql`select id, kind, amount_cents, balance_after_cents, reference, description, user_id from ledger_entries
        where org_id = ${orgId}::uuid and kind = 'marketplace_purchase'`,
  );
  const events = await rawRows<Record<string, unknown>>(
    ctx.db,
    sql`select action, entity_type, entity_id, org_id, user_id, api_key_id, data from audit_events
        where org_id = ${orgId}::uuid and action in ('market.hold_created', 'credits.debited', 'lead.sold') order by id`,
  );
  const listing = await rawRows<Record<string, unknown>>(
    ctx.db,
    sql`select sold_at is not null as sold, held_by, hold_until from market_listings where lead_id = ${leadId}::uuid`,
  );
  const jobs = await rawRows<Record<string, unknown>>(
    ctx.db,
    sql`select kind, payload, status from jobs where kind = 'delivery.sale' and dedupe_key = ${String(sale?.id)}`,
  );
  // The broker's work row, which the sale opens (migration 0033: one insert per statement, whatever its number of sales).
  const [work] = await rawRows<Record<string, unknown>>(
    ctx.db,
    sql`select lead_id, org_id, sale_id, sold_at, channel, price_cents, product, lead_type, status, status_changed_at,
               last_name_key is not null and phone is not null as contact_copied
        from lead_work where lead_id = ${leadId}::uuid`,
  );
  const roles: [string, string][] = [
    [String(sale?.id), "SALE"],
    [String(hold?.id), "HOLD"],
    [String(ledger[0]?.id), "LEDGER_ROW"],
    [leadId, "LEAD"],
    [orgId, "ORG"],
    [String(sale?.buyer_user_id), "USER"],
  ];
  let text = JSON.stringify({ hold, sale, ledger, events, listing, jobs, work });
  for (const [id, role] of roles) text = text.replaceAll(id, role);
  return JSON.parse(text);
}

/** The brokerage paid one 18 € lead, and the verifier finds every sale's evidence whole. */
async function expectPaidOnceAndEvidenceWhole(orgId: string) {
  expect(await walletBalance(ctx.db, orgId)).toBe(100_000 - 1800);
  const report = await verifyEvidence(ctx.db, { checkpoints: await readCheckpoints([]) });
  expect(report.problems).toEqual([]);
}

beforeAll(async () => {
  ({ ctx, supplier, operatorId } = await marketTestApp(clock));
});
afterAll(() => ctx.close());

describe("a marketplace purchase in two statements (hold and payment at once)", () => {
  it("writes the same rows and the same evidence as the transaction, and the verifier finds them whole", async () => {
    const [fastLead, slowLead] = [await stockedLead(), await stockedLead()];
    const [fast, slow] = [await buyer(), await buyer()];

    const held = await holdAtOnce(ctx.db, fast, { leadId: fastLead, idempotencyKey: "at-once-0001" }, now);
    expect(held, "the usual case takes the short path").not.toBeNull();
    const bought = await payAtOnce(ctx.db, fast, held?.id as string, now);
    expect(bought).toMatchObject({ leadId: fastLead, priceCents: 1800, paidWith: "credits" });
    expect(bought?.contact.phone).toMatch(/^\+?\d/);

    const slowHold = await holdLeadInTransaction(ctx.db, slow, { leadId: slowLead, idempotencyKey: "at-once-0001" }, now);
    const slowBought = await payHoldWithCreditsInTransaction(ctx.db, slow, slowHold.id, now);
    expect({ ...held, id: "HOLD", leadId: "LEAD", orgId: "ORG", userId: "USER" }).toEqual({
      ...slowHold,
      id: "HOLD",
      leadId: "LEAD",
      orgId: "ORG",
      userId: "USER",
    });
    expect(idsAside(bought)).toEqual(idsAside(slowBought));

    const written = await writtenBy(fast.orgId, fastLead);
    expect(written.events.map((e: { action: string }) => e.action)).toEqual(["market.hold_created", "credits.debited", "lead.sold"]);
    expect(written.sale).toMatchObject({ hold_id: "HOLD", payment_ref: "SALE", channel: "marketplace", paid_with: "credits" });
    expect(written.jobs).toHaveLength(1);
    expect(written).toEqual(await writtenBy(slow.orgId, slowLead));

    await expectPaidOnceAndEvidenceWhole(fast.orgId);
  });

  it("leaves every other case to the transaction, which gives the exact answer", async () => {
    const lead = await stockedLead();
    const [a, b] = [await buyer(), await buyer(1000)];
    const first = await holdLead(ctx.db, a, { leadId: lead, idempotencyKey: "retry-000001" }, now);
    // The same key again (a retried request): the short path sees the key used and steps aside.
    expect(await holdAtOnce(ctx.db, a, { leadId: lead, idempotencyKey: "retry-000001" }, now)).toBeNull();
    expect(await holdLead(ctx.db, a, { leadId: lead, idempotencyKey: "retry-000001" }, now)).toEqual(first);
    // Held by another brokerage.
    expect(await holdAtOnce(ctx.db, b, { leadId: lead, idempotencyKey: "other-000001" }, now)).toBeNull();
    await expect(holdLead(ctx.db, b, { leadId: lead, idempotencyKey: "other-000001" }, now)).rejects.toMatchObject({
      code: "lead_on_hold",
    });

    // Credits short: 10 € for an 18 € lead.
    const other = await stockedLead();
    const short = await holdLead(ctx.db, b, { leadId: other, idempotencyKey: "short-000001" }, now);
    expect(await payAtOnce(ctx.db, b, short.id, now)).toBeNull();
    await expect(payHoldWithCredits(ctx.db, b, short.id, now)).rejects.toMatchObject({ code: "insufficient_credits" });

    // Paid already (a double click): the same purchase, paid once.
    const paid = await payHoldWithCredits(ctx.db, a, first.id, now);
    expect(await payAtOnce(ctx.db, a, first.id, now)).toBeNull();
    expect(await payHoldWithCredits(ctx.db, a, first.id, now)).toEqual(paid);
    expect(await walletBalance(ctx.db, a.orgId)).toBe(100_000 - 1800);
    expect(await walletBalance(ctx.db, b.orgId)).toBe(1000);
  });

  it("never debits from a stale balance: one brokerage paying ten holds at once is debited ten times, exactly", async () => {
    const a = await buyer();
    const leads = await Promise.all(Array.from({ length: 10 }, () => stockedLead()));
    const holds = await Promise.all(leads.map((leadId, i) => holdLead(ctx.db, a, { leadId, idempotencyKey: `dix-${i}-000000` }, now)));
    // On PostgreSQL the ten payments run on parallel connections and read the same balance: the guard sends
    // all but the first to the transaction, which reads the balance under its lock.
    const purchases = await Promise.all(holds.map((h) => payHoldWithCredits(ctx.db, a, h.id, now)));
    expect(new Set(purchases.map((p) => p.saleId)).size).toBe(10);
    expect(await walletBalance(ctx.db, a.orgId)).toBe(100_000 - 10 * 1800);
    const [{ n }] = (await rawRows<{ n: number }>(
      ctx.db,
      sql`select count(distinct balance_after_cents)::int as n from ledger_entries where org_id = ${a.orgId}::uuid and kind = 'marketplace_purchase'`,
    )) as [{ n: number }];
    expect(n).toBe(10);
    expect(await verifyLedger(ctx.db)).toEqual([]);
  });
});

describe("a purchase in one step (hold and payment at the same instant)", () => {
  it("writes, in two statements, the rows and evidence of a hold then its payment, as the transaction does", async () => {
    const [fastLead, slowLead, twoStepLead] = [await stockedLead(), await stockedLead(), await stockedLead()];
    const [fast, slow, twoStep] = [await buyer(), await buyer(), await buyer()];

    const bought = await buyAtOnce(ctx.db, fast, { leadId: fastLead, idempotencyKey: "en-une-fois-01" }, now);
    expect(bought, "the usual case takes the short path").not.toBeNull();
    expect(bought).toMatchObject({ leadId: fastLead, priceCents: 1800, paidWith: "credits" });
    expect(bought?.contact.phone).toMatch(/^\+?\d/);
    const slowBought = await buyWithCreditsInTransaction(ctx.db, slow, { leadId: slowLead, idempotencyKey: "en-une-fois-01" }, now);
    expect(idsAside(bought)).toEqual(idsAside(slowBought));

    const written = await writtenBy(fast.orgId, fastLead);
    expect(written.hold).toMatchObject({ id: "HOLD", status: "paid", payment_ref: "SALE", closed: true });
    expect(written.events.map((e: { action: string }) => e.action)).toEqual(["market.hold_created", "credits.debited", "lead.sold"]);
    expect(written.listing).toEqual([{ sold: true, held_by: null, hold_until: null }]);
    expect(written).toEqual(await writtenBy(slow.orgId, slowLead));
    // A hold then its payment, a moment apart, write the same.
    const hold = await holdLead(ctx.db, twoStep, { leadId: twoStepLead, idempotencyKey: "en-une-fois-01" }, now);
    await payHoldWithCredits(ctx.db, twoStep, hold.id, now);
    expect(written).toEqual(await writtenBy(twoStep.orgId, twoStepLead));

    await expectPaidOnceAndEvidenceWhole(fast.orgId);
  });

  it("leaves every other case to the transaction: the same key buys once, a held or sold lead and short credits are refused with nothing written", async () => {
    const lead = await stockedLead();
    const [a, b, poor] = [await buyer(), await buyer(), await buyer(1000)];
    const first = await buyWithCredits(ctx.db, a, { leadId: lead, idempotencyKey: "une-fois-0001" }, now);
    // The same key again (a retried request): the same purchase, paid once.
    expect(await buyAtOnce(ctx.db, a, { leadId: lead, idempotencyKey: "une-fois-0001" }, now)).toBeNull();
    expect(await buyWithCredits(ctx.db, a, { leadId: lead, idempotencyKey: "une-fois-0001" }, now)).toEqual(first);
    expect(await walletBalance(ctx.db, a.orgId)).toBe(100_000 - 1800);
    // Sold: the next buyer is told so.
    await expect(buyWithCredits(ctx.db, b, { leadId: lead, idempotencyKey: "une-fois-0002" }, now)).rejects.toMatchObject({
      code: "lead_already_sold",
    });

    // Held by another brokerage while it pays.
    const held = await stockedLead();
    await holdLead(ctx.db, a, { leadId: held, idempotencyKey: "une-fois-0003" }, now);
    await expect(buyWithCredits(ctx.db, b, { leadId: held, idempotencyKey: "une-fois-0004" }, now)).rejects.toMatchObject({
      code: "lead_on_hold",
    });

    // Credits short (10 € for an 18 € lead): refused, and no hold is left behind to block the lead.
    const free = await stockedLead();
    expect(await buyAtOnce(ctx.db, poor, { leadId: free, idempotencyKey: "une-fois-0005" }, now)).toBeNull();
    await expect(buyWithCredits(ctx.db, poor, { leadId: free, idempotencyKey: "une-fois-0005" }, now)).rejects.toMatchObject({
      code: "insufficient_credits",
    });
    const [left] = (await rawRows<{ holds: number; held: boolean }>(
      ctx.db,
      sql`select (select count(*)::int from market_holds where lead_id = ${free}::uuid) as holds,
                 (select held_by is not null from market_listings where lead_id = ${free}::uuid) as held`,
    )) as [{ holds: number; held: boolean }];
    expect(left).toEqual({ holds: 0, held: false });
    expect(await walletBalance(ctx.db, poor.orgId)).toBe(1000);
    expect(await buyWithCredits(ctx.db, b, { leadId: free, idempotencyKey: "une-fois-0006" }, now)).toMatchObject({ leadId: free });
    expect(await verifyLedger(ctx.db)).toEqual([]);
  });

  it("sells a lead once when ten brokerages buy it at the same moment; the others are told it is sold", async () => {
    const lead = await stockedLead();
    const buyers = await Promise.all(Array.from({ length: 10 }, () => buyer()));
    const outcomes = await Promise.allSettled(
      buyers.map((b, i) => buyWithCredits(ctx.db, b, { leadId: lead, idempotencyKey: `course-${i}-00000` }, now)),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    expect(won).toHaveLength(1);
    const codes = outcomes.flatMap((o) => (o.status === "rejected" ? [(o.reason as { code: string }).code] : []));
    expect(codes).toHaveLength(9);
    for (const code of codes) expect(["lead_already_sold", "lead_on_hold"]).toContain(code);
    const [{ sales, spent }] = (await rawRows<{ sales: number; spent: number }>(
      ctx.db,
      sql`select count(*)::int as sales, (select -sum(amount_cents)::int from ledger_entries e
                                            where e.kind = 'marketplace_purchase' and e.org_id = any(${sql.param(buyers.map((b) => b.orgId))}::uuid[])) as spent
          from lead_sales where lead_id = ${lead}::uuid`,
    )) as [{ sales: number; spent: number }];
    expect({ sales, spent }).toEqual({ sales: 1, spent: 1800 });
  });
});

describe("purchases in one step made together (group commit)", () => {
  it("writes for each purchase of a group the rows and evidence it writes alone, a brokerage's purchases debited one after the other", async () => {
    const [a, b, alone] = [await buyer(), await buyer(), await buyer()];
    const [a1, a2, b1, aloneLead] = [await stockedLead(), await stockedLead(), await stockedLead(), await stockedLead()];
    const together = await buyManyAtOnce(
      ctx.db,
      [
        { buyer: a, input: { leadId: a1, idempotencyKey: "ensemble-0001" } },
        { buyer: b, input: { leadId: b1, idempotencyKey: "ensemble-0001" } },
        { buyer: a, input: { leadId: a2, idempotencyKey: "ensemble-0002" } },
      ],
      now,
    );
    expect(together.map((p) => p?.leadId)).toEqual([a1, b1, a2]);
    expect(new Set(together.map((p) => p?.saleId)).size).toBe(3);
    const opened = await rawRows<{ sale_id: string }>(
      ctx.db,
      sql`select sale_id from lead_work where lead_id in (${a1}::uuid, ${b1}::uuid, ${a2}::uuid)`,
    );
    expect(opened.map((w) => w.sale_id).sort()).toEqual(together.map((p) => p?.saleId).sort());
    await buyWithCreditsInTransaction(ctx.db, alone, { leadId: aloneLead, idempotencyKey: "ensemble-0001" }, now);

    // The second brokerage's purchase is written as the purchase alone would be, its delivery promised with the group's.
    const { jobs, ...written } = await writtenBy(b.orgId, b1);
    const { jobs: aloneJobs, ...aloneWritten } = await writtenBy(alone.orgId, aloneLead);
    expect(written).toEqual(aloneWritten);
    expect(aloneJobs).toHaveLength(1);
    const [delivery] = await rawRows<{ sale_ids: string[] }>(
      ctx.db,
      sql`select array(select jsonb_array_elements_text(payload::jsonb -> 'saleIds')) as sale_ids from jobs
          where kind = 'delivery.sale' and payload::jsonb -> 'saleIds' ? ${together[0]?.saleId as string}`,
    );
    expect(delivery?.sale_ids).toEqual(together.map((p) => p?.saleId));

    // The first brokerage paid twice, each ledger row with the balance after it.
    const ledger = await rawRows<{ amount_cents: number; balance_after_cents: number; reference: string }>(
      ctx.db,
      sql`select amount_cents, balance_after_cents, reference from ledger_entries where org_id = ${a.orgId}::uuid and kind = 'marketplace_purchase'
          order by balance_after_cents desc`,
    );
    expect(ledger).toEqual([
      { amount_cents: -1800, balance_after_cents: 100_000 - 1800, reference: together[0]?.saleId },
      { amount_cents: -1800, balance_after_cents: 100_000 - 3600, reference: together[2]?.saleId },
    ]);
    expect(await walletBalance(ctx.db, a.orgId)).toBe(100_000 - 3600);
    await expectPaidOnceAndEvidenceWhole(b.orgId);
    expect(await verifyLedger(ctx.db)).toEqual([]);
  });

  it("leaves to the purchase alone what it cannot make (sold, held, credits short, a key seen before) and makes the rest", async () => {
    const [a, b, poor] = [await buyer(), await buyer(), await buyer(2000)];
    const [sold, held, fine, short1, short2] = await Promise.all(Array.from({ length: 5 }, () => stockedLead()));
    await buyWithCredits(ctx.db, a, { leadId: sold as string, idempotencyKey: "avant-000001" }, now);
    await holdLead(ctx.db, a, { leadId: held as string, idempotencyKey: "avant-000002" }, now);
    const answers = await buyManyAtOnce(
      ctx.db,
      [
        { buyer: b, input: { leadId: sold as string, idempotencyKey: "groupe-00001" } },
        { buyer: b, input: { leadId: held as string, idempotencyKey: "groupe-00002" } },
        { buyer: b, input: { leadId: fine as string, idempotencyKey: "groupe-00003" } },
        // 20 € for two 18 € leads: the first is bought, the second is short.
        { buyer: poor, input: { leadId: short1 as string, idempotencyKey: "groupe-00004" } },
        { buyer: poor, input: { leadId: short2 as string, idempotencyKey: "groupe-00005" } },
        // A key the first brokerage used already.
        { buyer: a, input: { leadId: short2 as string, idempotencyKey: "avant-000001" } },
      ],
      now,
    );
    expect(answers.map((p) => p?.leadId ?? null)).toEqual([null, null, fine, short1, null, null]);
    expect(await walletBalance(ctx.db, b.orgId)).toBe(100_000 - 1800);
    expect(await walletBalance(ctx.db, poor.orgId)).toBe(200);
    await expect(buyWithCredits(ctx.db, poor, { leadId: short2 as string, idempotencyKey: "groupe-00005" }, now)).rejects.toMatchObject({
      code: "insufficient_credits",
    });
    expect(await verifyLedger(ctx.db)).toEqual([]);
  });

  it("writes nothing when what it read changed (two brokerages after the same lead in one group): each goes alone", async () => {
    const [a, b] = [await buyer(), await buyer()];
    const [contested, other] = [await stockedLead(), await stockedLead()];
    const answers = await buyManyAtOnce(
      ctx.db,
      [
        { buyer: a, input: { leadId: contested, idempotencyKey: "dispute-0001" } },
        { buyer: b, input: { leadId: other, idempotencyKey: "dispute-0002" } },
        { buyer: b, input: { leadId: contested, idempotencyKey: "dispute-0003" } },
      ],
      now,
    );
    expect(answers).toEqual([null, null, null]);
    const [{ sales, holds }] = (await rawRows<{ sales: number; holds: number }>(
      ctx.db,
      sql`select (select count(*)::int from lead_sales where lead_id in (${contested}::uuid, ${other}::uuid)) as sales,
                 (select count(*)::int from market_holds where lead_id in (${contested}::uuid, ${other}::uuid)) as holds`,
    )) as [{ sales: number; holds: number }];
    expect({ sales, holds }).toEqual({ sales: 0, holds: 0 });
    expect([await walletBalance(ctx.db, a.orgId), await walletBalance(ctx.db, b.orgId)]).toEqual([100_000, 100_000]);
    // Each alone, the exact answers: the other lead bought, the contested one sold to one of them, the other told so.
    expect(await buyWithCredits(ctx.db, b, { leadId: other, idempotencyKey: "dispute-0002" }, now)).toMatchObject({ leadId: other });
    const outcomes = await Promise.allSettled([
      buyWithCredits(ctx.db, a, { leadId: contested, idempotencyKey: "dispute-0001" }, now),
      buyWithCredits(ctx.db, b, { leadId: contested, idempotencyKey: "dispute-0003" }, now),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await verifyLedger(ctx.db)).toEqual([]);
  });
});

describe("holds and payments made together (group commit)", () => {
  it("holds then pays a group as each alone would, a brokerage's payments debited one after the other, and leaves the rest alone", async () => {
    const [a, b, poor] = [await buyer(), await buyer(), await buyer(2000)];
    const [a1, a2, b1, p1, p2, taken] = await Promise.all(Array.from({ length: 6 }, () => stockedLead()));
    await holdLead(ctx.db, b, { leadId: taken as string, idempotencyKey: "deja-pris-01" }, now);
    const ask = (who: AuthContext, leadId: string | undefined, key: string) => ({
      buyer: who,
      input: { leadId: leadId as string, idempotencyKey: key },
    });
    const holds = await holdManyAtOnce(
      ctx.db,
      [
        ask(a, a1, "tenir-0001"),
        ask(b, b1, "tenir-0001"),
        ask(a, a2, "tenir-0002"),
        ask(poor, p1, "tenir-0001"),
        ask(poor, p2, "tenir-0002"),
        ask(a, taken, "tenir-0003"),
      ],
      now,
    );
    // The lead another brokerage holds is left to the hold alone, which refuses it.
    expect(holds.map((h) => h?.leadId ?? null)).toEqual([a1, b1, a2, p1, p2, null]);
    await expect(holdLead(ctx.db, a, { leadId: taken as string, idempotencyKey: "tenir-0003" }, now)).rejects.toMatchObject({
      code: "lead_on_hold",
    });
    // The group's hold is written as the hold alone is.
    const aloneHold = await holdLeadInTransaction(
      ctx.db,
      poor,
      { leadId: (await stockedLead()) as string, idempotencyKey: "tenir-0009" },
      now,
    );
    const role = (h: typeof aloneHold | null) => ({
      ...h,
      id: "HOLD",
      leadId: "LEAD",
      orgId: "ORG",
      userId: "USER",
      idempotencyKey: "KEY",
    });
    expect(role(holds[1] ?? null)).toEqual(role(aloneHold));

    const pay = (who: AuthContext, i: number) => ({ buyer: who, holdId: holds[i]?.id as string });
    // 20 € for two 18 € leads: the first is paid, the second left to the payment alone; the same hold twice in a
    // second group makes that group write nothing.
    const paid = await payManyAtOnce(ctx.db, [pay(a, 0), pay(b, 1), pay(a, 2), pay(poor, 3), pay(poor, 4)], now);
    expect(paid.map((p) => p?.leadId ?? null)).toEqual([a1, b1, a2, p1, null]);
    expect([await walletBalance(ctx.db, a.orgId), await walletBalance(ctx.db, b.orgId), await walletBalance(ctx.db, poor.orgId)]).toEqual([
      100_000 - 3600,
      100_000 - 1800,
      200,
    ]);
    await expect(payHoldWithCredits(ctx.db, poor, holds[4]?.id as string, now)).rejects.toMatchObject({ code: "insufficient_credits" });
    const { jobs, ...written } = await writtenBy(b.orgId, b1 as string);
    // Its hold of the lead another brokerage wanted, then the one of its purchase, its debit and its sale.
    expect(written.events.map((e: { action: string }) => e.action)).toEqual([
      "market.hold_created",
      "market.hold_created",
      "credits.debited",
      "lead.sold",
    ]);
    expect(written.hold).toMatchObject({ status: "paid", payment_ref: "SALE", closed: true });
    expect(jobs).toEqual([]); // one delivery job for the group, keyed by its first sale
    const fresh = await stockedLead();
    const h = await holdLead(ctx.db, b, { leadId: fresh, idempotencyKey: "tenir-0004" }, now);
    expect(
      await payManyAtOnce(
        ctx.db,
        [
          { buyer: b, holdId: h.id },
          { buyer: b, holdId: h.id },
        ],
        now,
      ),
    ).toEqual([null, null]);
    expect(await walletBalance(ctx.db, b.orgId)).toBe(100_000 - 1800);
    await expectPaidOnceAndEvidenceWhole(b.orgId);
    expect(await verifyLedger(ctx.db)).toEqual([]);
  });
});
