import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { appendAuditEvent } from "../../audit";
import { vatOn } from "../rules/vat";
import { cardPayments } from "../schema";
import { paymentPurposeHandler } from "./payment-purposes";
import type { PaymentProvider } from "./provider";
import { settleCardPayment } from "./settle-card-payment";

export interface StartCardPaymentInput {
  orgId: string;
  userId?: string | null;
  /** The price before VAT: the card is charged the price with VAT. */
  priceCents: number;
  purpose: string;
  reference: string;
  description: string;
  cardNumber?: string;
}

export type StartCardPaymentResult =
  | { paymentId: string; status: "succeeded" }
  | { paymentId: string; status: "failed"; reason: string }
  | { paymentId: string; status: "requires_confirmation"; clientSecret: string };

/**
 * Records the payment, asks the provider for it, and settles it when the answer is final (the
 * demonstration card). With Stripe the browser confirms the card and the webhook settles it later.
 * The provider is called outside any transaction: no row stays locked while the network answers.
 */
export async function startCardPayment(
  deps: { db: Db; provider: PaymentProvider; now: () => Date },
  input: StartCardPaymentInput,
): Promise<StartCardPaymentResult> {
  paymentPurposeHandler(input.purpose); // an unknown purpose fails before anything is charged
  const amountCents = vatOn(input.priceCents).ttcCents;
  const now = deps.now();
  const payment = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cardPayments)
      .values({
        orgId: input.orgId,
        userId: input.userId ?? null,
        amountCents,
        purpose: input.purpose,
        reference: input.reference,
        provider: deps.provider.name,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("payment insert returned nothing");
    await appendAuditEvent(tx, {
      actor: { orgId: input.orgId, userId: input.userId ?? null },
      action: "payment.started",
      entityType: "card_payment",
      entityId: row.id,
      data: { amountCents: row.amountCents, purpose: row.purpose, reference: row.reference, provider: row.provider },
      occurredAt: now,
    });
    return row;
  });

  let outcome: Awaited<ReturnType<PaymentProvider["createPayment"]>>;
  try {
    outcome = await deps.provider.createPayment({
      paymentId: payment.id,
      amountCents,
      description: input.description,
      cardNumber: input.cardNumber,
    });
  } catch (e) {
    await settleCardPayment(
      deps.db,
      { type: "failed", paymentId: payment.id, providerPaymentId: null, reason: "Paiement non abouti" },
      deps.now(),
    );
    throw e;
  }
  if (outcome.status === "requires_confirmation") {
    await deps.db.update(cardPayments).set({ providerPaymentId: outcome.providerPaymentId }).where(eqId(payment.id));
    return { paymentId: payment.id, status: "requires_confirmation", clientSecret: outcome.clientSecret };
  }
  const settled = await settleCardPayment(
    deps.db,
    outcome.status === "succeeded"
      ? { type: "succeeded", paymentId: payment.id, providerPaymentId: outcome.providerPaymentId }
      : { type: "failed", paymentId: payment.id, providerPaymentId: outcome.providerPaymentId, reason: outcome.reason },
    deps.now(),
  );
  if (settled.status === "succeeded") return { paymentId: payment.id, status: "succeeded" };
  return { paymentId: payment.id, status: "failed", reason: settled.failureReason ?? "Paiement refusé" };
}

const eqId = (id: string) => eq(cardPayments.id, id);
