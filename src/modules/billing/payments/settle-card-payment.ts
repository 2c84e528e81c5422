import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { appendAuditEvent } from "../../audit";
import { cardPayments, type PaymentStatus } from "../schema";
import { paymentPurposeHandler } from "./payment-purposes";

export type Settlement =
  | { type: "succeeded"; paymentId: string; providerPaymentId: string }
  | { type: "failed"; paymentId: string; providerPaymentId: string | null; reason: string };

/**
 * Records the outcome of a payment once. Only a pending payment changes (a conditional UPDATE, which
 * also locks it): the same webhook delivered twice, or a webhook racing the demo answer, finds it
 * settled and does nothing. The purpose's handler (credit the wallet, issue the invoice) runs in the
 * same transaction: a payment is never marked paid without what it paid for.
 */
export async function settleCardPayment(
  db: Db,
  s: Settlement,
  now: Date,
): Promise<{ status: PaymentStatus; failureReason: string | null; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cardPayments)
      .set({
        status: s.type,
        settledAt: now,
        ...(s.providerPaymentId ? { providerPaymentId: s.providerPaymentId } : {}),
        failureReason: s.type === "failed" ? s.reason : null,
      })
      .where(and(eq(cardPayments.id, s.paymentId), eq(cardPayments.status, "pending")))
      .returning();
    if (!row) {
      const [current] = await tx
        .select({ status: cardPayments.status, failureReason: cardPayments.failureReason })
        .from(cardPayments)
        .where(eq(cardPayments.id, s.paymentId));
      return { status: current?.status ?? "failed", failureReason: current?.failureReason ?? null, changed: false };
    }
    await appendAuditEvent(tx, {
      actor: { orgId: row.orgId, userId: row.userId },
      action: s.type === "succeeded" ? "payment.succeeded" : "payment.failed",
      entityType: "card_payment",
      entityId: row.id,
      data: {
        amountCents: row.amountCents,
        purpose: row.purpose,
        reference: row.reference,
        providerPaymentId: row.providerPaymentId,
        ...(s.type === "failed" ? { reason: s.reason } : {}),
      },
      occurredAt: now,
    });
    if (s.type === "succeeded") {
      await paymentPurposeHandler(row.purpose)(tx, {
        id: row.id,
        orgId: row.orgId,
        userId: row.userId,
        amountCents: row.amountCents,
        purpose: row.purpose,
        reference: row.reference,
        settledAt: now,
      });
    }
    return { status: row.status, failureReason: row.failureReason, changed: true };
  });
}
