import { sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { guardSql, withCtes, writeGuarded } from "../../platform/db/guard";
import { pgArrayLiteral } from "../../platform/db/pg-array";
import { preparedRows } from "../../platform/db/prepared-rows";
import { bulkEvent } from "../audit";
import { type LeadContact, leadContactOf, leadContactSelect } from "../intake";
import { freeAtSql, type HoldFacts, type HoldRequest, holdCreatedEvent, holdFactsSql, holdOfFacts } from "./hold-at-once";
import { saleLeadOf } from "./lead-for-sale";
import { creditSalesAtOnce, type PurchasedLead } from "./pay-at-once";
import type { LeadType } from "./rules/sale-terms";
import type { Hold } from "./schema";

type BuyFacts = HoldFacts & LeadContact & { asked: number; lead_type: LeadType; balance_cents: number | null };

/** A purchase in one step: who buys which lead, under which Idempotency-Key. */
export interface BuyRequest {
  buyer: AuthContext;
  input: HoldRequest;
}

/** buyManyAtOnce for one purchase. */
export async function buyAtOnce(db: Db, buyer: AuthContext, input: HoldRequest, now: Date): Promise<PurchasedLead | null> {
  const [bought] = await buyManyAtOnce(db, [{ buyer, input }], now);
  return bought ?? null;
}

/**
 * buyWithCredits' usual case for purchases made together (group commit: platform/db/group-commit.ts), in
 * two round trips and no transaction whatever their number (decision 004): the holds' facts with the
 * wallets' balances and the leads' contacts, then one statement that takes the leads out of the stock only if each is still free at
 * the same grid version, records each hold as opened and paid at once, and writes the debits, the sales,
 * the promise to deliver them and the signed events — the rows holds then their payments write, in one go.
 * A purchase gets null, with nothing written for it, for anything else (a key seen before, a lead held, sold
 * or gone, a buyer refused, credits short, an RDV to confirm); every purchase gets null when what was read
 * changed before the statement (a lead taken, a balance moved, the same key sent twice at once): the
 * statement then writes nothing at all. buyWithCredits works each of those out in a transaction.
 */
export async function buyManyAtOnce(db: Db, requests: readonly BuyRequest[], now: Date): Promise<(PurchasedLead | null)[]> {
  const column = (pick: (r: BuyRequest) => string) => pgArrayLiteral(requests.map(pick));
  const facts = await preparedRows<BuyFacts>(
    db,
    "market.buy-facts",
    sql`select r.asked::int as asked, x.*
        from unnest(${column((r) => r.buyer.orgId)}::uuid[], ${column((r) => r.input.leadId)}::uuid[],
                    ${column((r) => r.input.idempotencyKey)}::text[]) with ordinality as r(org_id, lead_id, idempotency_key, asked)
        cross join lateral (${holdFactsSql(
          { orgId: sql`r.org_id`, leadId: sql`r.lead_id`, idempotencyKey: sql`r.idempotency_key` },
          {
            columns: sql`, m.lead_type, w.balance_cents, ${leadContactSelect}`,
            joins: sql`join leads l on l.id = m.lead_id left join wallets w on w.org_id = r.org_id`,
          },
        )}) x`,
    { genericPlan: true },
  );
  const factsOf = new Map(facts.map((f) => [f.asked - 1, f]));
  // What each brokerage has left once its earlier purchases in this batch are paid.
  const left = new Map<string, number>();
  const buying = requests.flatMap(({ buyer, input }, i) => {
    const f = factsOf.get(i);
    const hold = holdOfFacts(f, buyer, input, now);
    if (!f || !hold || f.lead_type !== "lead" || f.balance_cents === null) return [];
    const balance = left.get(buyer.orgId) ?? f.balance_cents;
    if (balance < hold.priceCents) return [];
    left.set(buyer.orgId, balance - hold.priceCents);
    return [{ i, buyer, hold, facts: f }];
  });
  const answers: (PurchasedLead | null)[] = requests.map(() => null);
  if (buying.length === 0) return answers;

  const { sales, ctes, applied } = creditSalesAtOnce(
    buying.map(({ buyer, hold, facts: f }) => ({
      buyer,
      facts: {
        lead_id: hold.leadId,
        holdId: hold.id,
        price_cents: hold.priceCents,
        price_version: hold.priceVersion,
        tier: hold.tier,
        label: saleLeadOf(f).label,
        balanceCents: f.balance_cents as number,
      },
    })),
    now,
  );
  const at = now.toISOString();
  const holds = buying.map((b) => b.hold);
  const holdColumn = (pick: (h: Hold, i: number) => string | number | null) => pgArrayLiteral(holds.map(pick));
  const written = await writeGuarded(
    db,
    "market.buy-sale",
    withCtes(
      [
        [
          "taken",
          sql`update market_listings set sold_at = ${at}::timestamptz, held_by = null, hold_until = null
              from unnest(${holdColumn((h) => h.leadId)}::uuid[], ${holdColumn((h) => h.priceVersion)}::int[]) as t(wanted_lead, wanted_version)
              where ${freeAtSql(sql`t.wanted_lead`, at, sql`t.wanted_version`)}
              returning lead_id`,
        ],
        [
          "paid_hold",
          sql`insert into market_holds (id, lead_id, org_id, user_id, idempotency_key, price_cents, price_version, tier, status, created_at,
                                        expires_at, closed_at, payment_ref)
              select h.id, h.lead_id, h.org_id, h.user_id, h.idempotency_key, h.price_cents, h.price_version, h.tier, 'paid', ${at}::timestamptz,
                     h.expires_at, ${at}::timestamptz, h.payment_ref
              from unnest(${holdColumn((h) => h.id)}::uuid[], ${holdColumn((h) => h.leadId)}::uuid[], ${holdColumn((h) => h.orgId)}::uuid[],
                          ${holdColumn((h) => h.userId)}::uuid[], ${holdColumn((h) => h.idempotencyKey)}::text[],
                          ${holdColumn((h) => h.priceCents)}::int[], ${holdColumn((h) => h.priceVersion)}::int[], ${holdColumn((h) => h.tier)}::text[],
                          ${holdColumn((h) => h.expiresAt.toISOString())}::timestamptz[], ${holdColumn((_h, i) => sales[i]?.id as string)}::text[])
                   as h(id, lead_id, org_id, user_id, idempotency_key, price_cents, price_version, tier, expires_at, payment_ref)
              where h.lead_id in (select lead_id from taken)`,
        ],
        ...ctes((i) => [bulkEvent(holdCreatedEvent(holds[i] as Hold))]),
      ],
      sql`select ${guardSql(sql`(select count(*) from taken) = ${holds.length} and ${applied}`, "les leads en stock, les soldes ou les ventes")}`,
    ),
    { genericPlan: true },
  );
  // Not written: a lead taken or held meanwhile, a key sent twice at once, a balance moved; the transaction answers each.
  if (!written) return answers;
  for (const [k, { i, hold, facts: f }] of buying.entries())
    answers[i] = {
      saleId: (sales[k] as { id: string }).id,
      leadId: hold.leadId,
      priceCents: hold.priceCents,
      paidWith: "credits",
      contact: leadContactOf(f),
    };
  return answers;
}
