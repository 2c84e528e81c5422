import { z } from "zod";

/** Response shapes of the supplier's reporting: the route validates and documents with them, the web derives its types. */

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
