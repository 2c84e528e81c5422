import { sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { queueAppointmentConfirmations } from "../appointments";
import { appendAuditEvents } from "../audit";
import { enqueueSaleDeliveries } from "../delivery";
import type { PriceTier, SaleChannel } from "./rules/sale-terms";
import { leadSales, marketListings } from "./schema";

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
 * lead, when, through which channel and at which price of which grid.
 */
export async function recordSale(tx: Tx, sale: SaleInput, now: Date): Promise<void> {
  await recordSales(tx, [sale], now);
}

/** Several sales at once (a routed batch), with the same rows, evidence and promises as one by one. */
export async function recordSales(tx: Tx, sales: readonly SaleInput[], now: Date): Promise<void> {
  if (sales.length === 0) return;
  const inserted = await tx
    .insert(leadSales)
    .values(sales.map((sale) => ({ ...sale, soldAt: now })))
    .onConflictDoNothing({ target: leadSales.leadId })
    .returning({ id: leadSales.id });
  if (inserted.length < sales.length) throw new AppError("lead_already_sold");
  await tx
    .update(marketListings)
    .set({ soldAt: now, heldBy: null, holdUntil: null })
    .where(sql`${marketListings.leadId} = any(${sql.param(sales.map((s) => s.leadId))}::uuid[])`);
  await appendAuditEvents(
    tx,
    sales.map((sale) => ({
      // Every fact of the sale, as its row holds them: the verifier compares the two (evidence/check-sales.ts).
      actor: { orgId: sale.buyerOrgId, userId: sale.buyerUserId },
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
      occurredAt: now,
    })),
  );
  // Telling the broker (notice, e-mail, webhook) is promised in the sale's transaction: committed with it, kept across a restart.
  await enqueueSaleDeliveries(
    tx,
    sales.map((sale) => sale.id),
    now,
  );
  // A sold RDV is confirmed to the prospect and sent to the broker by a job committed with the sale.
  await queueAppointmentConfirmations(tx, sales, now);
}
