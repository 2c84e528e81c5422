import { type SQL, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { guardSql, withCtes, writeGuarded } from "../../platform/db/guard";
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

/**
 * payHoldWithCredits' usual case in two round trips and no transaction (decision 004): one query reads
 * the hold, the wallet's balance, the lead (its consent coverage and its contact) and the buyer; then one
 * statement marks the hold paid, debits the wallet from the balance read, writes the sale, takes the lead
 * out of the stock, promises the deliveries and signs the events, each only if what was read still holds.
 * Null, with nothing written, for anything else (a hold paid, expired or gone, credits short, a buyer
 * refused, an RDV to confirm, a balance moved meanwhile): payHoldWithCredits then works it out in a
 * transaction and gives the exact answer.
 */
export async function payAtOnce(db: Db, buyer: AuthContext, holdId: string, now: Date): Promise<PurchasedLead | null> {
  const [facts] = await preparedRows<PaymentFacts>(
    db,
    "market.payment-facts",
    sql`
      select f.*, ${leadContactSelect}, h.lead_id, h.status, h.expires_at, h.price_cents, h.price_version, h.tier, m.lead_type,
             w.balance_cents, ${buyerFactsSql(buyer.orgId)} as buyer
      from market_holds h join market_listings m on m.lead_id = h.lead_id join leads l on l.id = h.lead_id
           cross join lateral (${leadForSaleSql(sql`h.lead_id`)}) f
           left join wallets w on w.org_id = h.org_id
      where h.id = ${holdId}::uuid and h.org_id = ${buyer.orgId}::uuid`,
    { genericPlan: true },
  );
  if (facts?.status !== "active" || new Date(facts.expires_at) <= now || facts.lead_type !== "lead") return null;
  if (facts.balance_cents === null || facts.balance_cents < facts.price_cents) return null;
  const lead = saleLeadOf(facts);
  if (buyerProblemsOf(facts.buyer, lead).length > 0) return null;

  const { sales, ctes, applied } = creditSalesAtOnce(
    [{ buyer, facts: { ...facts, holdId, label: lead.label, balanceCents: facts.balance_cents } }],
    now,
  );
  const sale = sales[0] as SaleInput;
  const at = now.toISOString();
  const written = await writeGuarded(
    db,
    "market.payment-sale",
    withCtes(
      [
        [
          "paid_hold",
          sql`update market_holds set status = 'paid', closed_at = ${at}::timestamptz, payment_ref = ${sale.id}
              where id = ${holdId}::uuid and org_id = ${buyer.orgId}::uuid and status = 'active' and expires_at > ${at}::timestamptz
              returning id`,
        ],
        ["sold_listing", listingsSoldSql(sales, now)],
        ...ctes(),
      ],
      sql`select ${guardSql(sql`exists (select 1 from paid_hold) and ${applied}`, "la réservation, le solde ou le lead")}`,
    ),
    { genericPlan: true },
  );
  // Not written: the hold, the balance or the lead changed since they were read; the transaction answers.
  if (!written) return null;
  return { saleId: sale.id, leadId: facts.lead_id, priceCents: facts.price_cents, paidWith: "credits", contact: leadContactOf(facts) };
}

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
