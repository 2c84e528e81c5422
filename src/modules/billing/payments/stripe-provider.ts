import Stripe from "stripe";
import { AppError } from "../../../platform/errors";
import type { PaymentNotification, PaymentProvider } from "./provider";

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Another API server than api.stripe.com (tests point the SDK at a local stub). */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
}

/**
 * Stripe PaymentIntents: the server creates the intent (amount VAT included, our payment id in the
 * metadata and as idempotency key), the browser confirms the card with the client secret, and the
 * signed webhook `payment_intent.succeeded` credits the purchase. Card numbers never reach our server.
 */
export function createStripeProvider(opts: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(opts.secretKey, {
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.port ? { port: opts.port } : {}),
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
  });
  return {
    name: "stripe",
    isDemo: false,
    async createPayment(input) {
      let intent: Stripe.PaymentIntent;
      try {
        intent = await stripe.paymentIntents.create(
          {
            amount: input.amountCents,
            currency: "eur",
            description: input.description,
            metadata: { paymentId: input.paymentId },
            automatic_payment_methods: { enabled: true },
          },
          { idempotencyKey: `payment-${input.paymentId}` },
        );
      } catch (e) {
        if (e instanceof Stripe.errors.StripeCardError)
          return { status: "failed", providerPaymentId: null, reason: e.message || "Carte refusée" };
        throw new AppError("payment_unavailable", { details: { type: (e as { type?: string }).type ?? "unknown" } });
      }
      if (intent.status === "succeeded") return { status: "succeeded", providerPaymentId: intent.id };
      if (!intent.client_secret) throw new AppError("payment_unavailable");
      return { status: "requires_confirmation", providerPaymentId: intent.id, clientSecret: intent.client_secret };
    },
    async retrievePayment({ providerPaymentId }) {
      // No intent id: the create call never answered. Its idempotency key would give the same intent back, but
      // nothing was confirmed in a browser without its client secret: no money can have moved.
      if (!providerPaymentId) return { status: "failed", providerPaymentId: null, reason: "Paiement non abouti" };
      let intent: Stripe.PaymentIntent;
      try {
        intent = await stripe.paymentIntents.retrieve(providerPaymentId);
      } catch (e) {
        throw new AppError("payment_unavailable", { details: { type: (e as { type?: string }).type ?? "unknown" } });
      }
      if (intent.status === "succeeded") return { status: "succeeded", providerPaymentId: intent.id };
      if (intent.status === "canceled") return { status: "failed", providerPaymentId: intent.id, reason: "Paiement annulé" };
      if (intent.status === "requires_payment_method" && intent.last_payment_error)
        return { status: "failed", providerPaymentId: intent.id, reason: intent.last_payment_error.message ?? "Paiement refusé" };
      // Not confirmed yet, or processing: the browser or the bank may still finish it; the webhook or a later round will say.
      return { status: "pending" };
    },
    parseWebhook(rawBody, signature) {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature ?? "", opts.webhookSecret);
      } catch {
        throw new AppError("webhook_signature_invalid");
      }
      return notificationOf(event);
    },
  };
}

function notificationOf(event: Stripe.Event): PaymentNotification {
  if (event.type !== "payment_intent.succeeded" && event.type !== "payment_intent.payment_failed")
    return { type: "ignored", eventType: event.type };
  const intent = event.data.object;
  const paymentId = intent.metadata?.paymentId;
  if (!paymentId) return { type: "ignored", eventType: event.type };
  if (event.type === "payment_intent.succeeded") return { type: "succeeded", paymentId, providerPaymentId: intent.id };
  return { type: "failed", paymentId, providerPaymentId: intent.id, reason: intent.last_payment_error?.message ?? "Paiement refusé" };
}
