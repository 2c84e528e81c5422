import { AppError } from "../../../platform/errors";
import { demoCardOutcome } from "../rules/demo-cards";
import type { PaymentProvider } from "./provider";

/**
 * "Carte de démonstration": no money moves. 4242 4242 4242 4242 pays at once, 4000 0000 0000 0002 is
 * declined. Refused in production by the configuration (src/platform/config.ts).
 */
export const demoPaymentProvider: PaymentProvider = {
  name: "demo",
  isDemo: true,
  async createPayment(input) {
    const providerPaymentId = `demo_${input.paymentId}`;
    const outcome = demoCardOutcome(input.cardNumber ?? "");
    if (outcome === "unknown")
      throw new AppError("validation_error", {
        field: "cardNumber",
        message: "Numéro de carte : utilisez la carte de démonstration 4242 4242 4242 4242 (ou 4000 0000 0000 0002 pour un refus)",
      });
    if (outcome === "declined") return { status: "failed", providerPaymentId, reason: "Carte refusée (carte de démonstration)" };
    return { status: "succeeded", providerPaymentId };
  },
  // The demonstration card answers at once: a payment still pending is one whose process died before the
  // answer was recorded. No money moved; it is failed, and the broker pays again.
  async retrievePayment() {
    return { status: "failed", providerPaymentId: null, reason: "Paiement non abouti (interrompu)" };
  },
  parseWebhook() {
    throw new AppError("webhook_signature_invalid", { message: "Le paiement de démonstration n'envoie pas de webhook" });
  },
};
