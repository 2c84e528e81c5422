import { z } from "zod";
import { access } from "../../../platform/access";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { bodyReadByHandler } from "../../../platform/request-input";
import type { PaymentProvider } from "../payments/provider";
import { settleCardPayment } from "../payments/settle-card-payment";

/**
 * Stripe's webhook: public (Stripe calls it), trusted only through its signature, checked on the bytes
 * received. Settling is idempotent, so Stripe's redeliveries (it retries with backoff for three days
 * until it gets a 2xx) credit once; a failure answers 500 and Stripe tries again.
 */
export const webhookRoutes =
  (provider: PaymentProvider): RouteModule =>
  (app, deps) => {
    const { db } = deps.database;
    app.post(
      "/api/v1/billing/webhooks/stripe",
      {
        config: { access: access.public("webhook Stripe, authentifié par sa signature"), jsonBodyAsBytes: true },
        validatorCompiler: bodyReadByHandler,
        schema: {
          tags: ["Crédits et factures"],
          summary: "Webhook Stripe (événements payment_intent.*)",
          headers: z.object({ "stripe-signature": z.string().optional().meta({ title: "la signature Stripe" }) }),
          response: { 200: z.object({ received: z.boolean() }), ...errorResponses(400) },
        },
      },
      async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? null));
        const notification = provider.parseWebhook(raw, req.headers["stripe-signature"]);
        if (notification.type !== "ignored") await settleCardPayment(db, notification, deps.clock());
        return { received: true };
      },
    );
  };
