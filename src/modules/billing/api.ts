import { z } from "zod";
import { LEDGER_KINDS } from "./rules/ledger-kinds";
import { PACK_IDS } from "./rules/packs";

/** Request and response schemas of the billing routes; the web derives its types from them. */

export const packSchema = z.object({
  id: z.string(),
  label: z.string(),
  priceCents: z.number().int(),
  bonusCents: z.number().int(),
  creditsCents: z.number().int(),
  vatCents: z.number().int(),
  totalTtcCents: z.number().int(),
});

export const packsResponse = z.object({ packs: z.array(packSchema) });
export type PacksResponse = z.infer<typeof packsResponse>;

/** How the browser takes a card: the demonstration form, or Stripe.js with this publishable key. */
export const paymentProviderResponse = z.object({
  name: z.enum(["demo", "stripe"]),
  isDemo: z.boolean(),
  publishableKey: z.string().nullable(),
});
export type PaymentProviderResponse = z.infer<typeof paymentProviderResponse>;

export const cardPaymentParams = z.object({ paymentId: z.uuid().meta({ title: "l'identifiant du paiement" }) });

/** Where a card payment stands: the browser polls it after confirming with Stripe until the webhook settles it. */
export const cardPaymentResponse = z.object({
  paymentId: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]),
  failureReason: z.string().nullable(),
});
export type CardPaymentResponse = z.infer<typeof cardPaymentResponse>;

export const ledgerQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: "le nombre de mouvements" }),
  offset: z.coerce.number().int().min(0).default(0).meta({ title: "le décalage" }),
});

export const ledgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_KINDS),
  amountCents: z.number().int(),
  balanceAfterCents: z.number().int(),
  description: z.string(),
  createdAt: z.date(),
});

export const walletResponse = z.object({
  balanceCents: z.number().int(),
  items: z.array(ledgerEntrySchema),
  total: z.number().int(),
});
export type WalletResponse = z.infer<typeof walletResponse>;

/** A card number as typed (spaces and dashes allowed); only the demonstration provider reads it. */
export const cardNumberSchema = z
  .string()
  .max(32)
  .regex(/^[\d\s-]+$/, "chiffres attendus")
  .meta({ title: "le numéro de carte" });

export const topUpBody = z.object({
  packId: z.enum(PACK_IDS).meta({ title: "le pack de recharge" }),
  cardNumber: cardNumberSchema.optional(),
});

export const topUpResponse = z.discriminatedUnion("status", [
  z.object({ paymentId: z.string(), status: z.literal("succeeded") }),
  z.object({ paymentId: z.string(), status: z.literal("failed"), reason: z.string() }),
  z.object({ paymentId: z.string(), status: z.literal("requires_confirmation"), clientSecret: z.string() }),
]);
export type TopUpResponse = z.infer<typeof topUpResponse>;

export const invoiceSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  issuedAt: z.date(),
  totalHtCents: z.number().int(),
  vatCents: z.number().int(),
  totalTtcCents: z.number().int(),
});
export const invoicesResponse = z.object({ items: z.array(invoiceSummarySchema) });
export type InvoicesResponse = z.infer<typeof invoicesResponse>;

export const invoiceParams = z.object({ id: z.uuid().meta({ title: "l'identifiant de la facture" }) });
export const statementParams = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "mois attendu au format AAAA-MM")
    .meta({ title: "le mois du relevé" }),
});

export const billingIdentitySchema = z.object({
  name: z.string(),
  siren: z.string().nullable(),
  address: z.string().nullable(),
  vatNumber: z.string().nullable(),
});
export type BillingIdentityResponse = z.infer<typeof billingIdentitySchema>;

export const billingIdentityBody = z.object({
  address: z.string().trim().min(5).max(300).meta({ title: "l'adresse de facturation" }),
  vatNumber: z.string().trim().min(4).max(20).meta({ title: "le numéro de TVA intracommunautaire" }),
});
