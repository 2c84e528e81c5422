import type { PaymentProviderName } from "../schema";

export interface CreatePaymentInput {
  /** Our payment's id: the provider keeps it in its metadata and uses it as idempotency key. */
  paymentId: string;
  amountCents: number;
  description: string;
  /** The demonstration provider reads the card number; Stripe collects the card in its own form. */
  cardNumber?: string;
}

export type CreatePaymentResult =
  | { status: "succeeded"; providerPaymentId: string }
  | { status: "failed"; providerPaymentId: string | null; reason: string }
  /** The card is confirmed in the browser (Stripe.js with the client secret); a webhook says the outcome. */
  | { status: "requires_confirmation"; providerPaymentId: string; clientSecret: string };

/** What the provider tells us afterwards (a verified webhook). */
export type PaymentNotification =
  | { type: "succeeded"; paymentId: string; providerPaymentId: string }
  | { type: "failed"; paymentId: string; providerPaymentId: string; reason: string }
  | { type: "ignored"; eventType: string };

/** What the provider says now of a payment we still hold as pending (reconciliation). */
export type RetrievedPayment =
  | { status: "succeeded"; providerPaymentId: string }
  | { status: "failed"; providerPaymentId: string | null; reason: string }
  | { status: "pending" };

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** True for the demonstration provider: the UI says no real payment is made. */
  readonly isDemo: boolean;
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  /** Checks the signature of a webhook body and reads it; throws `webhook_signature_invalid` when forged. */
  parseWebhook(rawBody: Buffer, signature: string | undefined): PaymentNotification;
  /** Asks the provider where a payment stands (a lost webhook, a process that died mid-payment). */
  retrievePayment(input: { paymentId: string; providerPaymentId: string | null }): Promise<RetrievedPayment>;
}
