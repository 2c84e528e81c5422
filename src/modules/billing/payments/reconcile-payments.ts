import { and, asc, eq, lt } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import type { JobHandler, JobRequest } from "../../jobs";
import { cardPayments } from "../schema";
import type { PaymentProvider } from "./provider";
import { settleCardPayment } from "./settle-card-payment";

export interface ReconcileOptions {
  /** Only payments pending longer than this: younger ones are still being paid in a browser. */
  olderThanMinutes: number;
  limit?: number;
}

export interface ReconcileResult {
  checked: number;
  succeeded: number;
  failed: number;
  stillPending: number;
  unreachable: number;
}

/**
 * Settles the card payments a lost webhook or a dead process left pending: asks the provider for each one
 * pending longer than N minutes, and records its answer through settleCardPayment (once, whatever races it:
 * a webhook arriving meanwhile finds it settled). A provider that does not answer leaves it for the next round.
 */
export async function reconcilePendingPayments(
  db: Db,
  provider: PaymentProvider,
  now: Date,
  opts: ReconcileOptions,
): Promise<ReconcileResult> {
  const before = new Date(now.getTime() - opts.olderThanMinutes * 60_000);
  const pending = await db
    .select({ id: cardPayments.id, providerPaymentId: cardPayments.providerPaymentId })
    .from(cardPayments)
    .where(and(eq(cardPayments.status, "pending"), eq(cardPayments.provider, provider.name), lt(cardPayments.createdAt, before)))
    .orderBy(asc(cardPayments.createdAt))
    .limit(opts.limit ?? 200);
  const result: ReconcileResult = { checked: pending.length, succeeded: 0, failed: 0, stillPending: 0, unreachable: 0 };
  for (const p of pending) {
    let answer: Awaited<ReturnType<PaymentProvider["retrievePayment"]>>;
    try {
      answer = await provider.retrievePayment({ paymentId: p.id, providerPaymentId: p.providerPaymentId });
    } catch {
      result.unreachable++;
      continue;
    }
    if (answer.status === "pending") {
      result.stillPending++;
      continue;
    }
    const settled = await settleCardPayment(
      db,
      answer.status === "succeeded"
        ? { type: "succeeded", paymentId: p.id, providerPaymentId: answer.providerPaymentId }
        : { type: "failed", paymentId: p.id, providerPaymentId: answer.providerPaymentId, reason: answer.reason },
      now,
    );
    if (settled.changed) result[answer.status]++;
  }
  return result;
}

export const RECONCILE_JOB = "billing.reconcile-payments";
const EVERY_MINUTES = 10;

/** Every 10 minutes (one job per slot, whatever the number of instances), payments pending over 30 minutes. */
export function paymentReconciliationJob(
  provider: PaymentProvider,
  olderThanMinutes = 30,
): { handler: JobHandler; schedule: (now: Date) => JobRequest[] } {
  return {
    handler: {
      kind: RECONCILE_JOB,
      maxAttempts: 1,
      run: (_payload, ctx) => reconcilePendingPayments(ctx.db, provider, ctx.now, { olderThanMinutes }),
    },
    schedule: (now) => {
      const slot = new Date(Math.floor(now.getTime() / (EVERY_MINUTES * 60_000)) * EVERY_MINUTES * 60_000);
      return [{ kind: RECONCILE_JOB, dedupeKey: slot.toISOString(), runAt: slot }];
    },
  };
}
