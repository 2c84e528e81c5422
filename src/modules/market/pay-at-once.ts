import { type SQL, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { guardSql, withCtes, writeGuarded } from "../../platform/db/guard";
import { pgArrayLiteral } from "../../platform/db/pg-array";
import { preparedRows } from "../../platform/db/prepared-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { actorsEventsInsertSql, type BulkAuditEvent, bulkEvent } from "../audit";
import { debitsAtOnce } from "../billing";
import { type BuyerFacts, buyerFactsSql, buyerProblemsOf } from "../brokers";
import { saleDeliveriesSql } from "../delivery";
import { type LeadContact, leadContactOf, leadContactSelect } from "../intake";
import { buyerActor } from "./hold-at-once";
import { type LeadForSaleRow, leadForSaleSql, saleLeadOf } from "./lead-for-sale";
import { leadSalesInsertSql, listingsSoldSql, type SaleInput, saleEventOf } from "./record-sale";
import type { LeadType, PriceTier } from "./rules/sale-terms";

export interface PurchasedLead {
  saleId: string;
  leadId: string;
  priceCents: number;
  paidWith: "credits" | "card";
  contact: LeadContact;
}

type PaymentFacts = LeadForSaleRow &
  LeadContact & {
    lead_id: string;
    status: string;
    expires_at: string | Date;
    price_cents: number;
    price_version: number;
    tier: PriceTier;
    lead_type: LeadType;
    balance_cents: number | null;
    buyer: BuyerFacts | null;
  };

/** A hold to pay with credits, and who pays it. */
export interface HoldPayment {
  buyer: AuthContext;
  holdId: string;
}

/** payManyAtOnce for one payment. */
export async function payAtOnce(db: Db, buyer: AuthContext, holdId: string, now: Date): Promise<PurchasedLead | null> {
  const [paid] = await payManyAtOnce(db, [{ buyer, holdId }], now);
  return paid ?? null;
}

/**
 * payHoldWithCredits' usual case for payments made together (group commit, platform/db/group-commit.ts),
 * in two round trips and no transaction whatever their number (decision 004): one query reads each hold,
 * its wallet's balance, its lead (consent coverage and contact) and its buyer; then one statement marks the
 * holds paid, debits the wallets from the balances read, writes the sales, takes the leads out of the
 * stock, promises the deliveries and signs the events. A payment gets null, with nothing written for it,
 * for anything else (a hold paid, expired or gone, credits short, a buyer refused, an RDV to confirm);
 * every payment gets null when a hold or a balance changed since they were read (or the same hold came
 * twice): the statement then writes nothing at all. payHoldWithCredits works each of those out in a
 * transaction and gives the exact answer.
 */
export async function payManyAtOnce(db: Db, payments: readonly HoldPayment[], now: Date): Promise<(PurchasedLead | null)[]> {
  const column = (pick: (p: HoldPayment) => string) => pgArrayLiteral(payments.map(pick));
  const facts = await preparedRows<PaymentFacts & { asked: number }>(
    db,
    "market.payment-facts",
    sql`
      select r.asked::int as asked, f.*, ${leadContactSelect}, h.lead_id, h.status, h.expires_at, h.price_cents, h.price_version, h.tier,
             m.lead_type, w.balance_cents, ${buyerFactsSql(sql`r.org_id`)} as buyer
      from unnest(${column((p) => p.holdId)}::uuid[], ${column((p) => p.buyer.orgId)}::uuid[]) with ordinality as r(hold_id, org_id, asked)
           join market_holds h on h.id = r.hold_id and h.org_id = r.org_id
           join market_listings m on m.lead_id = h.lead_id join leads l on l.id = h.lead_id
           cross join lateral (${leadForSaleSql(sql`h.lead_id`)}) f
           left join wallets w on w.org_id = h.org_id`,
    { genericPlan: true },
  );
  const factsOf = new Map(facts.map((f) => [f.asked - 1, f]));
  const payable = payments.flatMap(({ buyer, holdId }, i) => {
    const f = factsOf.get(i);
    if (f?.status !== "active" || new Date(f.expires_at) <= now || f.lead_type !== "lead" || f.balance_cents === null) return [];
    const lead = saleLeadOf(f);
    if (buyerProblemsOf(f.buyer, lead).length > 0) return [];
    return [{ i, buyer, holdId, label: lead.label, priceCents: f.price_cents, balanceCents: f.balance_cents, facts: f }];
  });
  const paying = coveredByBalances(payable);
  const answers: (PurchasedLead | null)[] = payments.map(() => null);
  if (paying.length === 0) return answers;

  const { sales, ctes, applied } = creditSalesAtOnce(
    paying.map(({ buyer, holdId, label, balanceCents, facts: f }) => ({ buyer, facts: { ...f, holdId, label, balanceCents } })),
    now,
  );
  const at = now.toISOString();
  const paidColumn = (pick: (p: (typeof paying)[number], k: number) => string) => pgArrayLiteral(paying.map(pick));
  const written = await writeGuarded(
    db,
    "market.payment-sale",
    withCtes(
      [
        [
          "paid_hold",
          sql`update market_holds h set status = 'paid', closed_at = ${at}::timestamptz, payment_ref = p.sale_id
              from unnest(${paidColumn((p) => p.holdId)}::uuid[], ${paidColumn((p) => p.buyer.orgId)}::uuid[],
                          ${paidColumn((_p, k) => (sales[k] as SaleInput).id)}::text[]) as p(hold_id, org_id, sale_id)
              where h.id = p.hold_id and h.org_id = p.org_id and h.status = 'active' and h.expires_at > ${at}::timestamptz
              returning h.id`,
        ],
        ["sold_listing", listingsSoldSql(sales, now)],
        ...ctes(),
      ],
      sql`select ${guardSql(sql`(select count(*) from paid_hold) = ${paying.length} and ${applied}`, "les réservations, les soldes ou les leads")}`,
    ),
    { genericPlan: true },
  );
  // Not written: a hold, a balance or a lead changed since they were read; the transaction answers each.
  if (!written) return answers;
  for (const [k, { i, facts: f }] of paying.entries()) answers[i] = creditPurchaseOf(sales[k] as SaleInput, f);
  return answers;
}

/**
 * The purchases of a group that the balances read cover, in order: a brokerage's purchase counts its
 * earlier ones in the group as paid. The others are left to the purchase alone, which refuses them.
 */
export function coveredByBalances<T extends { buyer: AuthContext; priceCents: number; balanceCents: number }>(
  purchases: readonly T[],
): T[] {
  const left = new Map<string, number>();
  return purchases.filter(({ buyer, priceCents, balanceCents }) => {
    const balance = left.get(buyer.orgId) ?? balanceCents;
    if (balance < priceCents) return false;
    left.set(buyer.orgId, balance - priceCents);
    return true;
  });
}

/** What the buyer gets of a sale paid by credits: the lead and its contact. */
export const creditPurchaseOf = (sale: SaleInput, lead: LeadContact): PurchasedLead => ({
  saleId: sale.id,
  leadId: sale.leadId,
  priceCents: sale.priceCents,
  paidWith: "credits",
  contact: leadContactOf(lead),
});

/** What a marketplace sale paid by credits is made of, as payAtOnce and buyManyAtOnce write it. */
export interface CreditSaleFacts {
  lead_id: string;
  holdId: string;
  price_cents: number;
  price_version: number;
  tier: PriceTier;
  label: string;
  /** The buyer's balance as read before the statement (for a brokerage's second sale in it, ignored: its first counts). */
  balanceCents: number;
}

/**
 * Marketplace sales of held leads paid by credits, in fragments of one statement: the wallets debited from
 * the balances read, the sales, one promise to deliver them all and the signed events (`before` gives a
 * sale's events that go first: a hold created in the same statement). `applied` is what the statement's
 * guard must check besides its own CTEs: every wallet debited and every sale written, or nothing stays.
 */
export function creditSalesAtOnce(purchases: readonly { buyer: AuthContext; facts: CreditSaleFacts }[], now: Date) {
  const sales = purchases.map(({ buyer, facts }): SaleInput => {
    const saleId = uuidv7(now.getTime());
    return {
      id: saleId,
      leadId: facts.lead_id,
      buyerOrgId: buyer.orgId,
      buyerUserId: buyer.userId,
      channel: "marketplace",
      orderId: null,
      holdId: facts.holdId,
      priceCents: facts.price_cents,
      priceVersion: facts.price_version,
      tier: facts.tier,
      paidWith: "credits",
      paymentRef: saleId,
    };
  });
  const debits = debitsAtOnce(
    purchases.map(({ buyer, facts }, i) => ({
      movement: {
        orgId: buyer.orgId,
        amountCents: facts.price_cents,
        kind: "marketplace_purchase" as const,
        reference: (sales[i] as SaleInput).id,
        description: facts.label,
        userId: buyer.userId,
        now,
      },
      balanceRead: facts.balanceCents,
    })),
  );
  return {
    sales,
    applied: sql`${debits.applied} and (select count(*) from sale) = ${sales.length}`,
    ctes: (before: (i: number) => BulkAuditEvent[] = () => []): [string, SQL][] => [
      ...debits.ctes,
      ["sale", leadSalesInsertSql(sales, now)],
      ["deliveries", saleDeliveriesSql(sales, now)],
      [
        "sale_events",
        actorsEventsInsertSql(
          now,
          purchases.flatMap(({ buyer }, i) =>
            [...before(i), debits.events[i] as BulkAuditEvent, bulkEvent(saleEventOf(sales[i] as SaleInput, now))].map((event) => ({
              actor: buyerActor(buyer),
              event,
            })),
          ),
        ),
      ],
    ],
  };
}
