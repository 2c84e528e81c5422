import type { Config } from "../../../platform/config";
import { demoPaymentProvider } from "./demo-provider";
import type { PaymentProvider } from "./provider";
import { createStripeProvider } from "./stripe-provider";

/** The configured card payment provider (the configuration already refused "demo" in production). */
export function paymentProviderOf(config: Config): PaymentProvider {
  if (config.PAYMENT_PROVIDER === "demo") return demoPaymentProvider;
  const api = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : null;
  return createStripeProvider({
    secretKey: config.STRIPE_SECRET_KEY ?? "",
    webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? "",
    ...(api
      ? {
          host: api.hostname,
          port: Number(api.port || (api.protocol === "https:" ? 443 : 80)),
          protocol: api.protocol === "http:" ? "http" : "https",
        }
      : {}),
  });
}
