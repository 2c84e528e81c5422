import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { AppError } from "../../platform/errors";
import { queueAppointmentConfirmations } from "../appointments";
import { appendAuditEvents } from "../audit";
import { enqueueSaleDeliveries } from "../delivery";
import type { PriceTier, SaleChannel } from "./rules/sale-terms";

export interface SaleInput {
  id: string;
  leadId: string;
  buyerOrgId: string;
  buyerUserId: string | null;
  channel: SaleChannel;
  orderId: string | null;
  holdId: string | null;
  priceCents: number;
  priceVersion: number;
  tier: PriceTier;
  paidWith: "credits" | "card";
  paymentRef: string | null;
}

/**
 * Records a sale and its evidence. The unique index on lead_sales.lead_id is the last word on "never sold
 * twice": whatever path got here, a second sale of one lead fails, and the caller's transaction (with its
 * debit) rolls back. The audit event carries every fact of the sale, so the chain proves who bought which
 * lead, when, through which channel and at which price of which grid. A payment by credits writes the same
 * rows through these fragments in one statement (pay-at-once.ts).
 */
export async function recordSale(tx: Tx, sale: SaleInput, now: Date): Promise<void> {
  await recordSales(tx, [sale], now);
}

/** Several sales at once (a routed batch), with the same rows, evidence and promises as one by one. */
export async function recordSales(tx: Tx, sales: readonly SaleInput[], now: Date): Promise<void> {
  if (sales.length === 0) return;
  const inserted = await rawRows(tx, leadSalesInsertSql(sales, now));
  if (inserted.length < sales.length) throw new AppError("lead_already_sold");
  await tx.execute(listingsSoldSql(sales, now));
  await appendAuditEvents(
    tx,
    sales.map((sale) => ({ actor: { orgId: sale.buyerOrgId, userId: sale.buyerUserId }, ...saleEventOf(sale, now), occurredAt: now })),
  );
  // Telling the broker (notice, e-mail, webhook) is promised in the sale's transaction: committed with it, kept across a restart.
  await enqueueSaleDeliveries(tx, sales, now);
  // A sold RDV is confirmed to the prospect and sent to the broker by a job committed with the sale.
  await queueAppointmentConfirmations(tx, sales, now);
}

/**
 * The sales' rows; a lead already sold is skipped, so the caller compares the rows returned with the
 * sales given. The unique index on lead_sales.lead_id is the last word on "never sold twice".
 */
export function leadSalesInsertSql(sales: readonly SaleInput[], now: Date): SQL {
  const column = <T>(pick: (s: SaleInput) => T) => sql.param(sales.map(pick));
  return sql`
    insert into lead_sales (id, lead_id, buyer_org_id, buyer_user_id, channel, order_id, hold_id, price_cents, price_version, tier,
                            paid_with, payment_ref, sold_at)
    select s.*, ${now.toISOString()}::timestamptz
    from unnest(${column((s) => s.id)}::uuid[], ${column((s) => s.leadId)}::uuid[], ${column((s) => s.buyerOrgId)}::uuid[],
                ${column((s) => s.buyerUserId)}::uuid[], ${column((s) => s.channel)}::text[], ${column((s) => s.orderId)}::uuid[],
                ${column((s) => s.holdId)}::uuid[], ${column((s) => s.priceCents)}::int[], ${column((s) => s.priceVersion)}::int[],
                ${column((s) => s.tier)}::text[], ${column((s) => s.paidWith)}::text[], ${column((s) => s.paymentRef)}::text[]) as s
    on conflict (lead_id) do nothing
    returning id`;
}

/** The sold leads leave the marketplace's stock. */
export function listingsSoldSql(sales: readonly SaleInput[], now: Date): SQL {
  return sql`update market_listings set sold_at = ${now.toISOString()}::timestamptz, held_by = null, hold_until = null
             where lead_id = any(${sql.param(sales.map((s) => s.leadId))}::uuid[])`;
}

/** The audit event of a sale: every fact of the sale, as its row holds them (the verifier compares the two: evidence/check-sales.ts). */
export function saleEventOf(sale: SaleInput, now: Date) {
  return {
    action: "lead.sold",
    entityType: "lead_sale",
    entityId: sale.id,
    data: {
      leadId: sale.leadId,
      buyerOrgId: sale.buyerOrgId,
      channel: sale.channel,
      orderId: sale.orderId,
      holdId: sale.holdId,
      priceCents: sale.priceCents,
      priceVersion: sale.priceVersion,
      tier: sale.tier,
      paidWith: sale.paidWith,
      paymentRef: sale.paymentRef,
      soldAt: now.toISOString(),
    },
  };
}
