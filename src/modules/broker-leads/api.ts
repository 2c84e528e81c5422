import { z } from "zod";
import { pageQueryShape, pageSchema } from "../../lib/paging";
import { DEPARTEMENTS, PRODUCT_SLUGS } from "../catalogue/rules";
import { PRODUCT_LINE_KEYS, type ProductLine } from "../crm/rules/product-lines";
import { consentProofSchema, leadContactSchema, leadIntegritySchema } from "../intake/api";
import { LEAD_TYPES, SALE_CHANNELS } from "../market/rules/sale-terms";
import { RETURN_REASONS, RETURN_STATUSES } from "./rules/returns";
import { LOST_REASONS, WORK_STATUSES } from "./rules/work-status";

/** Request and response shapes of the broker's leads and RDV: the routes validate and document with them, the web derives its types. */

const isoDay = (title: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ")
    .meta({ title, examples: ["2026-11-30"] });

export const brokerLeadFiltersSchema = z.object({
  product: z.enum(PRODUCT_SLUGS).optional().meta({ title: "le produit" }),
  leadType: z.enum(LEAD_TYPES).optional().meta({ title: "le type" }),
  status: z.enum(WORK_STATUSES).optional().meta({ title: "le statut" }),
  channel: z.enum(SALE_CHANNELS).optional().meta({ title: "le canal d'achat" }),
  departement: z
    .enum(DEPARTEMENTS.map((d) => d.code) as [string, ...string[]])
    .optional()
    .meta({ title: "le département" }),
  from: isoDay("la date de début").optional(),
  to: isoDay("la date de fin").optional(),
  q: z.string().trim().max(100).optional().meta({ title: "la recherche", description: "Début du nom, du prénom ou du téléphone" }),
});
export type BrokerLeadFilters = z.infer<typeof brokerLeadFiltersSchema>;

export const brokerLeadsQuerySchema = brokerLeadFiltersSchema.extend({
  sort: z.enum(["recent", "oldest"]).default("recent").meta({ title: "le tri" }),
  ...pageQueryShape,
});
export type BrokerLeadsQuery = z.infer<typeof brokerLeadsQuerySchema>;

export const brokerLeadItemSchema = z.object({
  leadId: z.string(),
  product: z.string(),
  leadType: z.enum(LEAD_TYPES),
  channel: z.enum(SALE_CHANNELS),
  status: z.enum(WORK_STATUSES),
  lostReason: z.enum(LOST_REASONS).nullable(),
  soldAt: z.date(),
  priceCents: z.number().int(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  departement: z.string().nullable(),
  /** Days left in the 30-day call window from the consent; negative once past. */
  callDaysLeft: z.number().int().nullable(),
});
export type BrokerLeadItem = z.infer<typeof brokerLeadItemSchema>;

export const brokerLeadListSchema = pageSchema(brokerLeadItemSchema);
export type BrokerLeadList = z.infer<typeof brokerLeadListSchema>;

export const dashboardQuerySchema = z.object({
  period: z.enum(["week", "month"]).default("week").meta({ title: "la période" }),
});

export const brokerDashboardSchema = z.object({
  period: z.enum(["week", "month"]),
  from: z.date(),
  to: z.date(),
  received: z.number().int(),
  rdv: z.number().int(),
  byProduct: z.array(z.object({ product: z.string(), exclusive: z.number().int(), marketplace: z.number().int() })),
  byDay: z.array(z.object({ day: z.string(), exclusive: z.number().int(), marketplace: z.number().int() })),
  byStatus: z.array(z.object({ status: z.enum(WORK_STATUSES), count: z.number().int() })),
  /** Share of the period's leads the brokerage reached (contacté, vendu, or lost after contact), 0–1. */
  contactRate: z.number().nullable(),
  /** Share of the period's leads signed ("vendu"), 0–1. */
  conversionRate: z.number().nullable(),
  spendCents: z.number().int(),
  /** Spend divided by clients won, in cents HT; null when none was won. */
  costPerWonCents: z.number().int().nullable(),
});
export type BrokerDashboard = z.infer<typeof brokerDashboardSchema>;

export const timelineEntrySchema = z.object({
  at: z.date(),
  kind: z.enum(["received", "sold", "status", "attempt", "return", "delivery", "proof"]),
  label: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
});

export const callabilitySchema = z.object({
  deadline: z.date(),
  daysLeft: z.number().int(),
  expired: z.boolean(),
  withinCallHours: z.boolean(),
  nextCallHoursStart: z.date().nullable(),
});

export const returnViewSchema = z.object({
  id: z.string(),
  status: z.enum(RETURN_STATUSES),
  reason: z.enum(RETURN_REASONS),
  note: z.string().nullable(),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
  decisionComment: z.string().nullable(),
  priceCents: z.number().int(),
});

export const brokerLeadDetailSchema = z.object({
  leadId: z.string(),
  product: z.string(),
  leadType: z.enum(LEAD_TYPES),
  receivedAt: z.date(),
  /** api, csv, form (the supplier's word) or hosted_form (consent recorded first-hand by the platform). */
  source: z.string(),
  /** An RDV's appointment: the prospect's slots, the channel, the confirmed slot and what became of it. */
  appointment: z
    .object({
      availabilities: z.array(z.date()),
      channel: z.enum(["telephone", "visio"]),
      confirmation: z.enum(["sms", "email"]),
      status: z.enum(["requested", "confirmed", "withdrawn", "honored", "no_show"]),
      confirmedSlot: z.date().nullable(),
      visioUrl: z.string().nullable(),
      consentTextVersion: z.string(),
      consentCollectedAt: z.date(),
      fingerprint: z.string(),
    })
    .nullable(),
  contact: leadContactSchema.extend({ departement: z.string().nullable() }),
  fields: z.record(z.string(), z.unknown()),
  sale: z.object({
    saleId: z.string(),
    channel: z.enum(SALE_CHANNELS),
    soldAt: z.date(),
    priceCents: z.number().int(),
    paidWith: z.enum(["credits", "card"]),
  }),
  work: z.object({
    status: z.enum(WORK_STATUSES),
    lostReason: z.enum(LOST_REASONS).nullable(),
    note: z.string().nullable(),
    failedAttempts: z.number().int(),
    statusChangedAt: z.date(),
    clientId: z.string().nullable(),
  }),
  proof: consentProofSchema.nullable(),
  integrity: leadIntegritySchema,
  callability: callabilitySchema.nullable(),
  /** The lead's return, if one was asked; or until when one may be. */
  return: returnViewSchema.nullable(),
  returnDeadline: z.date(),
  /** Whether a return may be asked now (within 7 days, none yet, not signed): decided on the server's clock. */
  returnOpen: z.boolean(),
  timeline: z.array(timelineEntrySchema),
});
export type BrokerLeadDetail = z.infer<typeof brokerLeadDetailSchema>;

/** "Vendu" may create the client in the brokerage's CRM with its first contract (decision 003). */
export const conversionSchema = z
  .object({
    clientType: z.enum(["particulier", "professionnel"]).optional().meta({ title: "le type de client" }),
    agencyId: z.uuid().nullable().optional().meta({ title: "l'agence" }),
    accountManagerId: z.uuid().nullable().optional().meta({ title: "le chargé de clientèle" }),
    productLine: z.enum(PRODUCT_LINE_KEYS as [ProductLine, ...ProductLine[]]).meta({ title: "le produit du contrat" }),
    insurerName: z.string().trim().max(100).nullable().optional().meta({ title: "la compagnie" }),
    startDate: isoDay("la date d'effet du contrat"),
    premiumCents: z.number().int().min(0).max(100_000_000).nullable().optional().meta({ title: "la prime annuelle" }),
  })
  .strict();
export type ConversionInput = z.infer<typeof conversionSchema>;

export const statusChangeSchema = z
  .object({
    status: z.enum(WORK_STATUSES).meta({ title: "le statut" }),
    lostReason: z.enum(LOST_REASONS).nullable().optional().meta({ title: "le motif" }),
    note: z.string().trim().max(1000).nullable().optional().meta({ title: "le commentaire" }),
    client: conversionSchema.nullable().optional().meta({ title: "le client à créer" }),
  })
  .strict();
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const statusChangedSchema = z.object({
  status: z.enum(WORK_STATUSES),
  clientId: z.string().nullable(),
});

export const attemptSchema = z.object({ failedAttempts: z.number().int() });

export const returnRequestSchema = z
  .object({
    reason: z.enum(RETURN_REASONS).meta({ title: "le motif de contestation" }),
    note: z.string().trim().max(1000).nullable().optional().meta({ title: "le commentaire" }),
  })
  .strict();
export type ReturnRequest = z.infer<typeof returnRequestSchema>;

export const returnDecisionSchema = z
  .object({
    decision: z.enum(["accept", "refuse"]).meta({ title: "la décision" }),
    comment: z.string().trim().max(1000).nullable().optional().meta({ title: "le commentaire" }),
  })
  .strict()
  .refine((d) => d.decision === "accept" || (d.comment ?? "").length > 0, {
    path: ["comment"],
    message: "Champ obligatoire : le commentaire, qui explique le refus au courtier",
  });
export type ReturnDecision = z.infer<typeof returnDecisionSchema>;

export const returnsQuerySchema = z.object({
  status: z.enum(RETURN_STATUSES).default("pending").meta({ title: "le statut" }),
});

export const returnQueueItemSchema = returnViewSchema.extend({
  leadId: z.string(),
  product: z.string(),
  leadType: z.enum(LEAD_TYPES),
  soldAt: z.date(),
  failedAttempts: z.number().int(),
  brokerage: z.object({
    orgId: z.string(),
    name: z.string(),
    purchases30d: z.number().int(),
    returns30d: z.number().int(),
    rate: z.number(),
  }),
  supplierName: z.string(),
  /** For a "doublon": the earlier lead of the same phone and product the brokerage bought within 30 days, if any. */
  duplicateOf: z.string().nullable(),
});
export const returnQueueSchema = z.object({ items: z.array(returnQueueItemSchema) });
export type ReturnQueue = z.infer<typeof returnQueueSchema>;
