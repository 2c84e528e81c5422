/**
 * Billing: prepaid credit wallets, card payments and invoices. What other modules may use:
 * - debitCredits / creditWallet in their own transaction (a sale debits in the transaction that sells),
 *   walletBalance to show or check a balance;
 * - startCardPayment + registerPaymentPurpose: pay something by card and have `onSucceeded` run once,
 *   in the transaction that records the payment's success;
 * - issueInvoice: the invoice of a card purchase, numbered in the caller's transaction.
 */

export { type Invoice, type IssueInvoiceInput, issueInvoice } from "./invoices/issue-invoice";
export { type CreditMovement, creditWallet, debitCredits, debitCreditsMany, type LedgerRow, walletBalance } from "./move-credits";
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
