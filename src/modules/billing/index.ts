/**
 * Billing: prepaid credit wallets, card payments and invoices. What other modules may use:
 * - debitCredits / creditWallet in their own transaction (a sale debits in the transaction that sells),
 *   debitsAtOnce inside a single statement that sells, walletBalance to show or check a balance;
 * - startCardPayment + registerPaymentPurpose: pay something by card and have `onSucceeded` run once,
 *   in the transaction that records the payment's success;
 * - checkPaidPrice / creditPayment / invoicePayment: what a purpose's `onSucceeded` does with its payment
 *   (the invoice is numbered in that transaction).
 */

export { type DebitRead, debitsAtOnce } from "./debit-at-once";
export type { Invoice } from "./invoices/issue-invoice";
export { type CreditMovement, creditWallet, debitCredits, debitCreditsMany, type LedgerRow, walletBalance } from "./move-credits";
export { checkPaidPrice, creditPayment, invoicePayment } from "./payments/payment-effects";
export { type PaymentSucceededHandler, registerPaymentPurpose, type SucceededPayment } from "./payments/payment-purposes";
export type { PaymentProvider } from "./payments/provider";
export { paymentProviderOf } from "./payments/provider-of";
export { paymentReconciliationJob, type ReconcileResult, reconcilePendingPayments } from "./payments/reconcile-payments";
export { settleCardPayment } from "./payments/settle-card-payment";
export { type StartCardPaymentInput, type StartCardPaymentResult, startCardPayment } from "./payments/start-card-payment";
export { billingRoutes } from "./routes";
export { vatOn } from "./rules/vat";
export type { InvoiceParty } from "./schema";
export { LEDGER_KINDS, type LedgerKind } from "./schema";
export { type LedgerProblem, verifyLedger } from "./verify-ledger";
