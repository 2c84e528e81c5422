import { sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { guardSql, withCtes, writeGuarded } from "../../platform/db/guard";
import { preparedRows } from "../../platform/db/prepared-rows";
import { bulkEvent } from "../audit";
import { type LeadContact, leadContactOf, leadContactSelect } from "../intake";
import { freeAtSql, type HoldFacts, type HoldRequest, holdCreatedEvent, holdFactsSql, holdOfFacts } from "./hold-at-once";
import { saleLeadOf } from "./lead-for-sale";
import { creditSaleAtOnce, type PurchasedLead } from "./pay-at-once";
import type { LeadType } from "./rules/sale-terms";

type BuyFacts = HoldFacts & LeadContact & { lead_type: LeadType; balance_cents: number | null };

/**
 * buyWithCredits' usual case in two round trips and no transaction (decision 004): the hold's facts with
 * the wallet's balance and the lead's contact, then one statement that takes the lead out of the stock
 * only if it is still free at the same grid version, records the hold as opened and paid at once, and
 * writes the debit, the sale, the promise to deliver it and the three signed events — the rows a hold then
 * its payment write, in one go. Null, with nothing written, for anything else (a key seen before, a lead
 * held, sold or gone, a buyer refused, credits short, an RDV to confirm, a balance moved meanwhile):
 * buyWithCredits then works it out in a transaction and gives the exact answer.
 */
export async function buyAtOnce(db: Db, buyer: AuthContext, input: HoldRequest, now: Date): Promise<PurchasedLead | null> {
  const [facts] = await preparedRows<BuyFacts>(
    db,
    "market.buy-facts",
    holdFactsSql(buyer, input, {
      columns: sql`, m.lead_type, w.balance_cents, ${leadContactSelect}`,
      joins: sql`join leads l on l.id = m.lead_id left join wallets w on w.org_id = ${buyer.orgId}::uuid`,
    }),
    { genericPlan: true },
  );
  const hold = holdOfFacts(facts, buyer, input, now);
  if (!facts || !hold || facts.lead_type !== "lead") return null;
  if (facts.balance_cents === null || facts.balance_cents < hold.priceCents) return null;

  const { sale, ctes, applied } = creditSaleAtOnce(
    buyer,
    {
      lead_id: input.leadId,
      holdId: hold.id,
      price_cents: hold.priceCents,
      price_version: hold.priceVersion,
      tier: hold.tier,
      label: saleLeadOf(facts).label,
      balanceCents: facts.balance_cents,
    },
    now,
  );
  const at = now.toISOString();
  const written = await writeGuarded(
    db,
    "market.buy-sale",
    withCtes(
      [
        [
          "taken",
          sql`update market_listings set sold_at = ${at}::timestamptz, held_by = null, hold_until = null
              where ${freeAtSql(input.leadId, at, hold.priceVersion)}
              returning lead_id`,
        ],
        [
          "paid_hold",
          sql`insert into market_holds (id, lead_id, org_id, user_id, idempotency_key, price_cents, price_version, tier, status, created_at,
                                        expires_at, closed_at, payment_ref)
              select ${hold.id}::uuid, lead_id, ${hold.orgId}::uuid, ${hold.userId}::uuid, ${hold.idempotencyKey}, ${hold.priceCents},
                     ${hold.priceVersion}, ${hold.tier}, 'paid', ${at}::timestamptz, ${hold.expiresAt.toISOString()}::timestamptz,
                     ${at}::timestamptz, ${sale.id}
              from taken`,
        ],
        ...ctes([bulkEvent(holdCreatedEvent(hold))]),
      ],
      sql`select ${guardSql(sql`exists (select 1 from taken) and ${applied}`, "le lead en stock, le solde ou la vente")}`,
    ),
    { genericPlan: true },
  );
  // Not written: taken or held meanwhile, the same key sent twice at once, the balance moved; the transaction answers.
  if (!written) return null;
  return { saleId: sale.id, leadId: input.leadId, priceCents: hold.priceCents, paidWith: "credits", contact: leadContactOf(facts) };
}
