import type { Tx } from "../../../platform/db/client";
import { issueInvoice } from "../invoices/issue-invoice";
import { creditWallet } from "../move-credits";
import { vatOn } from "../rules/vat";
import type { InvoiceLine, InvoiceParty } from "../schema";
import type { SucceededPayment } from "./payment-purposes";

/**
 * What a purpose's handler does with a succeeded card payment, in its transaction: each effect is the
 * payer's and dated when the payment was settled, whatever the purpose.
 */

/** The payment must be the price with VAT, or the handler fails (its transaction too) and the payment stays pending. */
export function checkPaidPrice(payment: SucceededPayment, priceCents: number, what: string): void {
  if (vatOn(priceCents).ttcCents !== payment.amountCents)
    throw new Error(`paiement ${payment.id} : montant ${payment.amountCents} différent du prix TTC ${what}`);
}

/** Credits bought with the payment (a top-up, or a payment whose purchase could not be made). */
export async function creditPayment(
  tx: Tx,
  payment: SucceededPayment,
  kind: "top_up" | "refund",
  amountCents: number,
  description: string,
) {
  await creditWallet(tx, {
    orgId: payment.orgId,
    kind,
    amountCents,
    reference: payment.id,
    description,
    userId: payment.userId,
    now: payment.settledAt,
  });
}

/** The payment's invoice. */
export async function invoicePayment(
  tx: Tx,
  payment: SucceededPayment,
  seller: InvoiceParty,
  kind: "top_up" | "card_purchase",
  lines: readonly Omit<InvoiceLine, "totalCents">[],
) {
  await issueInvoice(tx, {
    orgId: payment.orgId,
    kind,
    paymentId: payment.id,
    userId: payment.userId,
    seller,
    issuedAt: payment.settledAt,
    lines,
  });
}
