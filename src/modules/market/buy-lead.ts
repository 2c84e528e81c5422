import { and, eq, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db, DbOrTx, Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { AppError, notFound } from "../../platform/errors";
import type { InvoiceParty } from "../billing";
import {
  checkPaidPrice,
  creditPayment,
  debitCredits,
  invoicePayment,
  type PaymentProvider,
  registerPaymentPurpose,
  type StartCardPaymentResult,
  type SucceededPayment,
  startCardPayment,
} from "../billing";
import { assertMayBuy, buyerProblems } from "../brokers";
import { type LeadContact, leadContactOf, leadContactSelect } from "../intake";
import { buyAtOnce } from "./buy-at-once";
import type { HoldRequest } from "./hold-at-once";
import { holdLeadInTransaction } from "./hold-lead";
import { leadForSale } from "./lead-for-sale";
import { type PurchasedLead, payAtOnce } from "./pay-at-once";
import { recordSale } from "./record-sale";
import { HOLD_MINUTES } from "./rules/sale-terms";
import { type Hold, marketHolds } from "./schema";

export const MARKET_PURCHASE_PURPOSE = "market_purchase";

/**
 * Pays a hold with the brokerage's credits: debit and sale together, or neither. The usual case takes two
 * round trips (payAtOnce); anything else is worked out in a transaction.
 */
export async function payHoldWithCredits(db: Db, buyer: AuthContext, holdId: string, now: Date): Promise<PurchasedLead> {
  return (await payAtOnce(db, buyer, holdId, now)) ?? payHoldWithCreditsInTransaction(db, buyer, holdId, now);
}

/**
 * Buys a marketplace lead with credits in one step, for a buyer who need not keep it while paying: the rows
 * and the evidence of a hold and its payment, made at the same instant. Idempotent per Idempotency-Key like a
 * hold: the same key gives back the same purchase, paid once. The usual case takes two round trips
 * (buyAtOnce); anything else is worked out in a transaction, which refuses as holdLead and payHoldWithCredits do.
 */
export async function buyWithCredits(db: Db, buyer: AuthContext, input: HoldRequest, now: Date): Promise<PurchasedLead> {
  return (await buyAtOnce(db, buyer, input, now)) ?? buyWithCreditsInTransaction(db, buyer, input, now);
}

/** buyWithCredits in a transaction: the hold and its payment, or neither (at-once.test.ts compares it with buyAtOnce). */
export async function buyWithCreditsInTransaction(db: DbOrTx, buyer: AuthContext, input: HoldRequest, now: Date): Promise<PurchasedLead> {
  return db.transaction(async (tx) =>
    payHoldWithCreditsInTransaction(tx, buyer, (await holdLeadInTransaction(tx, buyer, input, now)).id, now),
  );
}

/** The transactional path alone (what payAtOnce must write the same way: at-once.test.ts compares them). */
export async function payHoldWithCreditsInTransaction(db: DbOrTx, buyer: AuthContext, holdId: string, now: Date): Promise<PurchasedLead> {
  return db.transaction(async (tx) => {
    const hold = await lockHold(tx, buyer.orgId, holdId);
    if (hold.status === "paid") return purchasedLead(tx, buyer.orgId, hold.leadId);
    if (hold.status !== "active" || hold.expiresAt <= now) throw new AppError("hold_expired");
    const lead = await leadForSale(tx, hold.leadId);
    await assertMayBuy(tx, buyer.orgId, lead);
    const saleId = uuidv7(now.getTime());
    await debitCredits(tx, {
      orgId: buyer.orgId,
      amountCents: hold.priceCents,
      kind: "marketplace_purchase",
      reference: saleId,
      description: lead.label,
      userId: buyer.userId,
      now,
    });
    await sellHold(tx, hold, { saleId, paidWith: "credits", paymentRef: saleId, userId: buyer.userId }, now);
    return purchasedLead(tx, buyer.orgId, hold.leadId);
  });
}

/**
 * Pays a hold by card: the price plus VAT. With the demonstration card the answer is final at once and
 * the sale is made before this returns; with Stripe, the webhook completes it (registerMarketPurchase).
 */
export async function payHoldByCard(
  deps: { db: Db; provider: PaymentProvider; now: () => Date },
  buyer: AuthContext,
  input: { holdId: string; cardNumber?: string },
): Promise<StartCardPaymentResult> {
  const now = deps.now();
  const [hold] = await deps.db
    .select()
    .from(marketHolds)
    .where(and(eq(marketHolds.id, input.holdId), eq(marketHolds.orgId, buyer.orgId)));
  if (!hold) throw notFound("Réservation");
  if (hold.status !== "active" || hold.expiresAt <= now) throw new AppError("hold_expired");
  const lead = await leadForSale(deps.db, hold.leadId);
  await assertMayBuy(deps.db, buyer.orgId, lead);
  return startCardPayment(deps, {
    orgId: buyer.orgId,
    userId: buyer.userId,
    priceCents: hold.priceCents,
    purpose: MARKET_PURCHASE_PURPOSE,
    reference: hold.id,
    description: lead.label,
    cardNumber: input.cardNumber,
  });
}

/**
 * What a successful card payment for a hold does, once, in the payment's transaction. In time, the lead
 * is sold and invoiced. A payment that succeeds after its hold ended (the webhook came late) is honoured
 * when the lead is still free (nobody bought or holds it, still in the marketplace); otherwise the money
 * is not lost: it becomes credits in the wallet and the invoice is a top-up (decision 014).
 */
export function registerMarketPurchase(seller: InvoiceParty): void {
  registerPaymentPurpose(MARKET_PURCHASE_PURPOSE, async (tx, payment) => {
    const hold = await lockHold(tx, payment.orgId, payment.reference);
    if (hold.status === "paid") return;
    checkPaidPrice(payment, hold.priceCents, `de la réservation ${hold.id}`);
    const now = payment.settledAt;
    const lead = await leadForSale(tx, hold.leadId);
    const stillOurs = hold.status === "active" && hold.expiresAt > now;
    const eligible = (await buyerProblems(tx, payment.orgId, lead)).length === 0;
    if (eligible && (stillOurs || (await retake(tx, hold, now)))) {
      const saleId = uuidv7(now.getTime());
      await sellHold(tx, hold, { saleId, paidWith: "card", paymentRef: payment.id, userId: payment.userId }, now);
      await invoicePayment(tx, payment, seller, "card_purchase", [{ label: lead.label, quantity: 1, unitPriceCents: hold.priceCents }]);
      return;
    }
    await refundAsCredits(tx, hold, payment, seller);
  });
}

async function refundAsCredits(tx: Tx, hold: Hold, payment: SucceededPayment, seller: InvoiceParty) {
  await tx
    .update(marketHolds)
    .set({ status: "failed", closedAt: payment.settledAt, paymentRef: payment.id })
    .where(eq(marketHolds.id, hold.id));
  await creditPayment(
    tx,
    payment,
    "refund",
    hold.priceCents,
    "Paiement reçu après la fin de la réservation, lead plus disponible : montant converti en crédits",
  );
  await invoicePayment(tx, payment, seller, "top_up", [
    { label: "Crédits prépayés LeadsAssurance (paiement d'un lead devenu indisponible)", quantity: 1, unitPriceCents: hold.priceCents },
  ]);
}

/** A late payment's second chance: the lead is still in stock and nobody else holds it. */
async function retake(tx: Tx, hold: Hold, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + HOLD_MINUTES * 60_000).toISOString();
  const taken = await rawRows<{ lead_id: string }>(
    tx,
    sql`
      update market_listings set held_by = ${hold.orgId}::uuid, hold_until = ${until}::timestamptz
      where lead_id = ${hold.leadId}::uuid and sold_at is null and expires_at > ${now.toISOString()}::timestamptz
        and (hold_until is null or hold_until <= ${now.toISOString()}::timestamptz or held_by = ${hold.orgId}::uuid)
      returning lead_id`,
  );
  return taken.length === 1;
}

async function sellHold(
  tx: Tx,
  hold: Hold,
  pay: { saleId: string; paidWith: "credits" | "card"; paymentRef: string; userId: string | null },
  now: Date,
) {
  await recordSale(
    tx,
    {
      id: pay.saleId,
      leadId: hold.leadId,
      buyerOrgId: hold.orgId,
      buyerUserId: pay.userId,
      channel: "marketplace",
      orderId: null,
      holdId: hold.id,
      priceCents: hold.priceCents,
      priceVersion: hold.priceVersion,
      tier: hold.tier,
      paidWith: pay.paidWith,
      paymentRef: pay.paymentRef,
    },
    now,
  );
  await tx.update(marketHolds).set({ status: "paid", closedAt: now, paymentRef: pay.paymentRef }).where(eq(marketHolds.id, hold.id));
}

/** The hold, locked for the rest of the transaction: a double click pays once. */
async function lockHold(tx: Tx, orgId: string, holdId: string): Promise<Hold> {
  const [hold] = await tx
    .select()
    .from(marketHolds)
    .where(and(eq(marketHolds.id, holdId), eq(marketHolds.orgId, orgId)))
    .for("update");
  if (!hold) throw notFound("Réservation");
  return hold;
}

/** The purchase a paid hold made, for its buyer only. */
export async function purchaseOf(db: DbOrTx, orgId: string, holdId: string): Promise<PurchasedLead> {
  return db.transaction(async (tx) => purchasedLead(tx, orgId, (await lockHold(tx, orgId, holdId)).leadId));
}

/** Once bought, the lead is the buyer's: who to call. */
async function purchasedLead(tx: Tx, buyerOrgId: string, leadId: string): Promise<PurchasedLead> {
  const [row] = await rawRows<LeadContact & { sale_id: string; price_cents: number; paid_with: "credits" | "card" }>(
    tx,
    sql`
      select s.id as sale_id, s.price_cents, s.paid_with, ${leadContactSelect}
      from lead_sales s join leads l on l.id = s.lead_id where s.lead_id = ${leadId}::uuid and s.buyer_org_id = ${buyerOrgId}::uuid`,
  );
  if (!row) throw notFound("Vente");
  return {
    saleId: row.sale_id,
    leadId,
    priceCents: row.price_cents,
    paidWith: row.paid_with,
    contact: leadContactOf(row),
  };
}
