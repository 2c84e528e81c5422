import { formatEurosFr } from "../../lib/french-format";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { checkPaidPrice, creditPayment, invoicePayment } from "./payments/payment-effects";
import { registerPaymentPurpose } from "./payments/payment-purposes";
import type { PaymentProvider } from "./payments/provider";
import { startCardPayment } from "./payments/start-card-payment";
import { creditsOf, packById } from "./rules/packs";
import type { InvoiceParty } from "./schema";

export const TOP_UP_PURPOSE = "credit_top_up";

/**
 * What a paid top-up does, once, in the payment's transaction: the pack's credits (and bonus) go to the
 * wallet and the invoice is issued. The payment's reference is the pack; its amount must be the pack's
 * price with VAT, or nothing is credited (the transaction fails and the payment stays pending).
 */
export function registerTopUpPurpose(seller: InvoiceParty): void {
  registerPaymentPurpose(TOP_UP_PURPOSE, async (tx, payment) => {
    const pack = packById(payment.reference);
    if (!pack) throw new Error(`pack inconnu : ${payment.reference}`);
    checkPaidPrice(payment, pack.priceCents, `du ${pack.label}`);
    await creditPayment(
      tx,
      payment,
      "top_up",
      creditsOf(pack),
      pack.bonusCents > 0 ? `Recharge ${pack.label} (dont ${formatEurosFr(pack.bonusCents)} offerts)` : `Recharge ${pack.label}`,
    );
    await invoicePayment(tx, payment, seller, "top_up", [
      { label: `${pack.label} — crédits prépayés LeadsAssurance`, quantity: 1, unitPriceCents: pack.priceCents },
      ...(pack.bonusCents > 0
        ? [{ label: `Bonus : ${formatEurosFr(pack.bonusCents)} de crédits offerts`, quantity: 1, unitPriceCents: 0 }]
        : []),
    ]);
  });
}

/** Buys a top-up pack by card: the pack's price plus VAT is charged. */
export async function buyTopUp(
  deps: { db: Db; provider: PaymentProvider; now: () => Date },
  input: { orgId: string; userId: string | null; packId: string; cardNumber?: string },
) {
  const pack = packById(input.packId);
  if (!pack) throw new AppError("validation_error", { field: "packId", message: "Pack de recharge : choisissez un pack proposé" });
  return startCardPayment(deps, {
    orgId: input.orgId,
    userId: input.userId,
    priceCents: pack.priceCents,
    purpose: TOP_UP_PURPOSE,
    reference: pack.id,
    description: `LeadsAssurance — ${pack.label} de crédits`,
    cardNumber: input.cardNumber,
  });
}
