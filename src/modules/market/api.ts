import { z } from "zod";
import { pageQueryShape, pageSchema } from "../../lib/paging";
import { cardNumberSchema } from "../billing/api";
import { DEPARTEMENTS, PRODUCT_SLUGS } from "../catalogue/rules";
import { leadContactSchema } from "../intake/api";
import { HOLD_MINUTES, LEAD_TYPES, LISTING_DEPTH, PRICE_TIERS, SALE_CHANNELS } from "./rules/sale-terms";

/** Request and response shapes of the marketplace: the routes validate and document with them, the web derives its types. */

const productSlug = z.enum(PRODUCT_SLUGS).meta({ title: "le produit" });
const departement = z.enum(DEPARTEMENTS.map((d) => d.code) as [string, ...string[]]).meta({ title: "le département" });

export const marketQuerySchema = z
  .object({
    product: productSlug.optional().meta({ title: "le produit" }),
    leadType: z.enum(LEAD_TYPES).optional().meta({ title: "le type" }),
    departement: departement.optional().meta({ title: "le département" }),
    tier: z.enum(PRICE_TIERS).optional().meta({ title: "la fraîcheur" }),
    minPriceCents: z.coerce.number().int().min(0).max(10_000_000).optional().meta({ title: "le prix minimum" }),
    maxPriceCents: z.coerce.number().int().min(0).max(10_000_000).optional().meta({ title: "le prix maximum" }),
    sort: z.enum(["recent", "oldest", "price_asc", "price_desc"]).default("recent").meta({ title: "le tri" }),
    ...pageQueryShape,
  })
  .refine((q) => (q.page - 1) * q.pageSize < LISTING_DEPTH, {
    path: ["page"],
    message: `au-delà des ${LISTING_DEPTH.toLocaleString("fr-FR")} premiers leads, affinez les filtres pour voir les suivants`,
  });
export type MarketQuery = z.infer<typeof marketQuerySchema>;

export const marketItemSchema = z.object({
  leadId: z.string(),
  product: z.string(),
  leadType: z.enum(LEAD_TYPES),
  departement: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  consentMethod: z.string(),
  receivedAt: z.date(),
  businessHours: z.number(),
  tier: z.enum(PRICE_TIERS),
  priceCents: z.number().int(),
  priceVersion: z.number().int(),
  expiresAt: z.date(),
  heldUntil: z.date().nullable(),
});
export const marketListSchema = pageSchema(marketItemSchema);
export type MarketList = z.infer<typeof marketListSchema>;
export type MarketItem = z.infer<typeof marketItemSchema>;

export const holdHeadersSchema = z.object({
  "idempotency-key": z.string().trim().min(8).max(200).meta({
    title: "la clé d'idempotence",
    description: "Un identifiant unique par intention d'achat : rejouer la requête rend la même réservation",
  }),
});

export const holdSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  priceCents: z.number().int(),
  priceVersion: z.number().int(),
  tier: z.enum(PRICE_TIERS),
  status: z.string(),
  expiresAt: z.date(),
});
export type HoldView = z.infer<typeof holdSchema>;
export const HOLD_DURATION_MINUTES = HOLD_MINUTES;

const orderFields = {
  name: z.string().trim().min(2).max(80).meta({ title: "le nom de la commande" }),
  products: z.array(productSlug).min(1).max(PRODUCT_SLUGS.length).meta({ title: "les produits" }),
  leadType: z.enum(LEAD_TYPES).meta({ title: "le type" }),
  departements: z.array(departement).max(DEPARTEMENTS.length).meta({ title: "les départements" }),
  weeklyCap: z.number().int().min(1).max(10_000).meta({ title: "le plafond hebdomadaire" }),
  dailyCap: z.number().int().min(1).max(10_000).nullable().meta({ title: "le plafond quotidien" }),
};
export const orderInputSchema = z
  .object(orderFields)
  .strict()
  .refine((o) => o.dailyCap === null || o.dailyCap <= o.weeklyCap, {
    path: ["dailyCap"],
    message: "Le plafond quotidien ne peut pas dépasser le plafond hebdomadaire",
  });
export const orderPatchSchema = z
  .object({ ...orderFields, status: z.enum(["active", "paused"]).meta({ title: "l'état" }) })
  .partial()
  .strict();
export const orderPreviewInputSchema = z
  .object({ products: orderFields.products, leadType: orderFields.leadType, departements: orderFields.departements })
  .strict();

/** An order as its brokerage and the operator see it: what it asks for and what it got this week. */
const orderViewFields = {
  id: z.string(),
  name: z.string(),
  products: z.array(z.string()),
  leadType: z.enum(LEAD_TYPES),
  departements: z.array(z.string()),
  weeklyCap: z.number().int(),
  dailyCap: z.number().int().nullable(),
  status: z.enum(["active", "paused"]),
  receivedThisWeek: z.number().int(),
  receivedToday: z.number().int(),
};

export const orderSchema = z.object({
  ...orderViewFields,
  createdAt: z.date(),
  receivedTotal: z.number().int(),
  spentCents: z.number().int(),
});
export type OrderView = z.infer<typeof orderSchema>;

export const priceEntrySchema = z.object({
  product: productSlug,
  leadType: z.enum(LEAD_TYPES).meta({ title: "le type" }),
  channel: z.enum(SALE_CHANNELS).meta({ title: "le canal" }),
  tier: z.enum(PRICE_TIERS).meta({ title: "la fraîcheur" }),
  priceCents: z.number().int().min(1).max(10_000_000).meta({ title: "le prix (centimes HT)" }),
});
export const priceGridSchema = z.object({
  version: z.number().int(),
  publishedAt: z.date(),
  note: z.string(),
  entries: z.array(priceEntrySchema.extend({ product: z.string() })),
});
export type PriceGridView = z.infer<typeof priceGridSchema>;
export const publishPriceGridSchema = z
  .object({
    note: z.string().trim().min(3).max(300).meta({ title: "le motif du changement" }),
    entries: z.array(priceEntrySchema).min(1).max(1000).meta({ title: "les prix" }),
  })
  .strict();

export const payHoldBodySchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("credits").meta({ title: "le moyen de paiement" }) }).strict(),
  z
    .object({
      method: z.literal("card").meta({ title: "le moyen de paiement" }),
      cardNumber: cardNumberSchema.optional(),
    })
    .strict(),
]);

export const purchasedLeadSchema = z.object({
  saleId: z.string(),
  leadId: z.string(),
  priceCents: z.number().int(),
  paidWith: z.enum(["credits", "card"]),
  contact: leadContactSchema,
});
export type PurchasedLeadView = z.infer<typeof purchasedLeadSchema>;

export const payHoldResponseSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("paid"), purchase: purchasedLeadSchema }),
  z.object({ status: z.literal("failed"), reason: z.string() }),
  z.object({ status: z.literal("requires_confirmation"), paymentId: z.string(), clientSecret: z.string() }),
]);
export type PayHoldResponse = z.infer<typeof payHoldResponseSchema>;

export const marketSummarySchema = z.object({
  monthSpentCents: z.number().int(),
  monthLeads: z.number().int(),
  weekByProduct: z.array(z.object({ product: z.string(), exclusive: z.number().int(), marketplace: z.number().int() })),
  balanceCents: z.number().int(),
  latest: z.array(
    z.object({
      leadId: z.string(),
      product: z.string(),
      departement: z.string().nullable(),
      channel: z.enum(SALE_CHANNELS),
      priceCents: z.number().int(),
      soldAt: z.date(),
    }),
  ),
});
export type MarketSummaryView = z.infer<typeof marketSummarySchema>;

export const orderOverviewSchema = z.object({
  ...orderViewFields,
  orgId: z.string(),
  brokerage: z.string(),
  lastServedAt: z.date().nullable(),
});
export const ordersOverviewSchema = z.object({ items: z.array(orderOverviewSchema) });
export type OrdersOverviewView = z.infer<typeof ordersOverviewSchema>;
