import { z } from "zod";

/**
 * The shape of a lead as a supplier sends it, on every channel (API, CSV row, form).
 * Deliberately lenient: a value that is missing or wrong must become a stored rejection reason
 * (nothing a supplier sent is lost), not a bare 400. Only a body that is not an object at all is a 400.
 */
const text = z.string().trim().max(2000).optional();

export const consentInputSchema = z
  .object({
    method: z.string().optional().describe('"checkbox" (case non pré-cochée) ou "oral" (centre d\'appels)'),
    prechecked: z.boolean().optional().describe("La case était-elle pré-cochée ? Doit valoir false."),
    textVersion: text.describe("Identifiant de la version publiée du texte de consentement"),
    collectedAt: text.describe("Horodatage ISO 8601 du recueil"),
    ip: text.describe("IP publique de l'internaute (consentement par case à cocher)"),
    userAgent: text,
    sourceUrl: text,
    callCenter: text.describe("Consentement oral : centre d'appels"),
    agent: text.describe("Consentement oral : téléconseiller"),
    recordingRef: text.describe("Consentement oral : référence de l'enregistrement"),
  })
  .partial();

export const contactInputSchema = z
  .object({
    firstName: text,
    lastName: text,
    phone: text,
    email: text,
    postalCode: text,
    city: text,
  })
  .partial();

export const leadSubmissionSchema = z.object({
  product: text.describe("Slug du produit (voir GET /api/v1/catalogue)"),
  type: z.literal("lead").optional().default("lead"),
  contact: contactInputSchema.optional(),
  consent: consentInputSchema.optional(),
  fields: z.record(z.string(), z.unknown()).optional().describe("Champs obligatoires du produit, par clé (voir le catalogue)"),
  externalRef: z.string().trim().max(200).optional().describe("Votre référence"),
});

export type LeadSubmission = z.infer<typeof leadSubmissionSchema>;
export type ConsentInput = z.infer<typeof consentInputSchema>;
export type ContactInput = z.infer<typeof contactInputSchema>;
