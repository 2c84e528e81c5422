import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { notFound } from "../../../platform/errors";
import { cardPayments } from "../schema";

/** One of the organisation's card payments, as far as it has gone; another organisation's is not found. */
export async function getCardPayment(db: DbOrTx, orgId: string, paymentId: string) {
  const [row] = await db
    .select({ paymentId: cardPayments.id, status: cardPayments.status, failureReason: cardPayments.failureReason })
    .from(cardPayments)
    .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.orgId, orgId)));
  if (!row) throw notFound("Paiement");
  return row;
}
