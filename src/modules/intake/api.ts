import { z } from "zod";
import { IMPORT_STATUSES, LEAD_CHANNELS, LEAD_STATUSES } from "./rules/lead-states";

/**
 * Request and response shapes of the intake API (leads, CSV imports, the supplier's reporting): the routes
 * validate, serialize and document with them, the web derives its types (Wire<z.infer<…>>).
 */

export const leadFiltersSchema = z.object({
  status: z.enum(LEAD_STATUSES).optional().meta({ title: "le statut" }),
  product: z.string().max(60).optional().meta({ title: "le produit" }),
  channel: z.enum(LEAD_CHANNELS).optional().meta({ title: "le canal" }),
  importId: z.uuid().optional().meta({ title: "l'import" }),
  from: z.iso.date().optional().meta({ title: "la date de début", description: "Date de début (incluse), AAAA-MM-JJ, heure de Paris" }),
  to: z.iso.date().optional().meta({ title: "la date de fin", description: "Date de fin (incluse), AAAA-MM-JJ, heure de Paris" }),
  q: z.string().trim().max(100).optional().meta({ title: "la recherche", description: "Nom, téléphone, e-mail ou référence externe" }),
});
export type LeadFilters = z.infer<typeof leadFiltersSchema>;

export const reasonSchema = z.object({ code: z.string(), field: z.string(), message: z.string() });
export const acceptedAnswer = z.object({ id: z.string(), status: z.literal("accepted") });
export const rejectedAnswer = z.object({ id: z.string(), status: z.literal("rejected"), reasons: z.array(reasonSchema) });
export const submitResultSchema = z.union([acceptedAnswer, rejectedAnswer]);
export const batchAnswer = z.object({ accepted: z.number(), rejected: z.number(), results: z.array(submitResultSchema) });

/** The lead's identity as stored and answered (null: not given); the marketplace's purchase answer gives the same. */
export const leadContactSchema = z.object({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
});

export const leadSummarySchema = z.object({
  id: z.string(),
  product: z.string(),
  status: z.enum(LEAD_STATUSES),
  reasons: z.array(reasonSchema),
  channel: z.string(),
  externalRef: z.string().nullable(),
  ...leadContactSchema.shape,
  createdAt: z.date(),
});
export const leadListSchema = z.object({
  items: z.array(leadSummarySchema),
  next: z.string().nullable(),
  total: z
    .object({ count: z.number(), exact: z.boolean() })
    .nullable()
    .describe("Leads correspondant aux filtres (première page seulement ; au-delà de 10 000, exact vaut false)"),
});

/** A lead's consent proof as shown on its sheet (supplier's and buyer's) and printed in the proof PDF. */
export const consentProofSchema = z.object({
  method: z.enum(["checkbox", "oral"]),
  prechecked: z.boolean(),
  textVersion: z.string(),
  textSha256: z.string(),
  collectedAt: z.date(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  callCenter: z.string().nullable(),
  agent: z.string().nullable(),
  recordingRef: z.string().nullable(),
  fingerprint: z.string(),
  fingerprintValid: z.boolean(),
  recordedAt: z.date(),
  text: z.object({
    version: z.string(),
    title: z.string(),
    body: z.string(),
    sha256: z.string(),
    partners: z.array(z.string()),
    publishedAt: z.date(),
  }),
});
export type ConsentProofView = z.infer<typeof consentProofSchema>;

/** The lead checked against the signed audit journal, as the verifier does it (evidence/lead-integrity.ts). */
export const leadIntegritySchema = z.object({
  status: z.enum(["verified", "pending", "altered"]),
  checks: z.array(
    z.object({
      code: z.enum(["event", "foreign_event", "data", "consent", "text", "sealed", "anchored"]),
      state: z.enum(["ok", "pending", "failed"]),
      message: z.string(),
    }),
  ),
});
/** Every stored column of the lead is answered (loose object); these are the ones the screens read. */
export const leadDetailSchema = leadSummarySchema
  .extend({
    fields: z.record(z.string(), z.unknown()),
    submitted: z.unknown(),
    submittedExact: z.string().nullable().describe("Les octets exacts reçus (base64), quand `submitted` n'en est qu'une copie lisible"),
    proof: consentProofSchema.nullable(),
    integrity: leadIntegritySchema,
    importId: z.string().nullable(),
    importRow: z.number().nullable(),
    departement: z.string().nullable(),
  })
  .loose();

export const csvImportSchema = z.object({
  id: z.string(),
  product: z.string(),
  filename: z.string(),
  status: z.enum(IMPORT_STATUSES),
  sizeBytes: z.number().nullable(),
  bytesRead: z.number(),
  totalRows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export const newImportSchema = z.object({
  product: z.string().trim().min(1).max(60).meta({ title: "le produit" }),
  filename: z.string().trim().min(1).max(255).meta({ title: "le nom du fichier" }),
  sizeBytes: z.number().int().min(0).meta({ title: "la taille du fichier" }),
});

export type LeadList = z.infer<typeof leadListSchema>;
export type LeadDetailView = z.infer<typeof leadDetailSchema>;
export type CsvImportView = z.infer<typeof csvImportSchema>;
export type SubmitResult = z.infer<typeof submitResultSchema>;

const saleChannel = z.enum(["exclusive", "marketplace"]);

export const leadStatsSchema = z.object({
  totals: z.object({ accepted: z.number(), rejected: z.number() }),
  byDay: z.array(z.object({ day: z.string(), accepted: z.number(), rejected: z.number() })),
  byProduct: z.array(z.object({ product: z.string(), accepted: z.number(), rejected: z.number() })),
  byReason: z.array(z.object({ code: z.string(), message: z.string(), count: z.number() })),
  /** How many of the period's leads sold, for how much (cents HT, at the sale price), by channel and by département. */
  sales: z.object({
    count: z.number().int(),
    revenueCents: z.number().int(),
    byChannel: z.array(z.object({ channel: saleChannel, sold: z.number().int(), revenueCents: z.number().int() })),
    byDepartement: z.array(
      z.object({ channel: saleChannel, departement: z.string().nullable(), sold: z.number().int(), revenueCents: z.number().int() }),
    ),
  }),
  /** Returns ("contestations") of the period's leads by the brokerages that bought them, by reason. */
  returns: z.object({
    requested: z.number().int(),
    accepted: z.number().int(),
    byReason: z.array(z.object({ reason: z.string(), requested: z.number().int(), accepted: z.number().int() })),
  }),
});
export type LeadStatsView = z.infer<typeof leadStatsSchema>;
