import { z } from "zod";

/**
 * The shape of a lead as a supplier sends it, on every channel (API, CSV row, form).
 * Deliberately lenient: a value that is missing or wrong must become a stored rejection reason
 * (nothing a supplier sent is lost), not a bare 400. Only a body that is not an object at all is a 400.
 */
const text = z.string().trim().max(2000).optional();

export const consentInputSchema = z
  .object({
    method: z
      .string()
      .optional()
      .meta({ title: "la méthode de recueil", description: '"checkbox" (case non pré-cochée) ou "oral" (centre d\'appels)' }),
    prechecked: z
      .boolean()
      .optional()
      .meta({ title: "la case pré-cochée", description: "La case était-elle pré-cochée ? Doit valoir false." }),
    textVersion: text.meta({ title: "la version du texte", description: "Identifiant de la version publiée du texte de consentement" }),
    collectedAt: text.meta({ title: "la date et l'heure de recueil", description: "Horodatage ISO 8601 du recueil" }),
    ip: text.meta({ title: "l'adresse IP", description: "IP publique de l'internaute (consentement par case à cocher)" }),
    userAgent: text.meta({ title: "le user-agent" }),
    sourceUrl: text.meta({ title: "l'URL source" }),
    callCenter: text.meta({ title: "le centre d'appels", description: "Consentement oral : centre d'appels" }),
    agent: text.meta({ title: "le téléconseiller", description: "Consentement oral : téléconseiller" }),
    recordingRef: text.meta({ title: "la référence d'enregistrement", description: "Consentement oral : référence de l'enregistrement" }),
  })
  .partial()
  .meta({ title: "le consentement" });

export const contactInputSchema = z
  .object({
    firstName: text.meta({ title: "le prénom" }),
    lastName: text.meta({ title: "le nom" }),
    phone: text.meta({ title: "le téléphone" }),
    email: text.meta({ title: "l'e-mail" }),
    postalCode: text.meta({ title: "le code postal" }),
    city: text.meta({ title: "la ville" }),
  })
  .partial()
  .meta({ title: "le contact" });

export const LEAD_SUBMISSION_TYPES = ["lead", "rdv"] as const;

export const reinforcedConsentInputSchema = z
  .object({
    accepted: z.boolean().meta({ title: "l'acceptation du consentement renforcé", description: "Doit valoir true" }),
    textVersion: text.meta({ title: "la version du texte du consentement renforcé" }),
    collectedAt: text.meta({ title: "la date et l'heure du consentement renforcé", description: "Horodatage ISO 8601" }),
  })
  .partial()
  .meta({ title: "le consentement renforcé", description: "Consentement à la transmission à un courtier et au rendez-vous" });

export const appointmentInputSchema = z
  .object({
    availabilities: z
      .array(z.string().trim().max(40).meta({ title: "le créneau" }))
      .max(20)
      .meta({
        title: "les disponibilités du prospect",
        description: "1 à 5 débuts de créneaux de 30 minutes, ISO 8601 avec fuseau, lundi-vendredi 9 h-19 h (Paris), hors jours fériés",
      }),
    channel: text.meta({ title: "le canal du RDV", description: '"telephone" ou "visio"' }),
    confirmation: text.meta({ title: "la confirmation du RDV", description: '"sms" (mobile exigé) ou "email"' }),
    reinforcedConsent: reinforcedConsentInputSchema,
  })
  .partial()
  .meta({ title: "le rendez-vous", description: 'Obligatoire quand type vaut "rdv"' });

export const leadSubmissionSchema = z.object({
  product: text.meta({ title: "le produit", description: "Slug du produit (voir GET /api/v1/catalogue)" }),
  type: z.enum(LEAD_SUBMISSION_TYPES).optional().default("lead").meta({ title: "le type", description: '"lead" ou "rdv" (RDV qualifié)' }),
  appointment: appointmentInputSchema.optional(),
  contact: contactInputSchema.optional(),
  consent: consentInputSchema.optional(),
  fields: z
    .record(z.string(), z.unknown().meta({ title: "le champ" }))
    .optional()
    .meta({ title: "les champs du produit", description: "Champs obligatoires du produit, par clé (voir le catalogue)" }),
  externalRef: z.string().trim().max(200).optional().meta({ title: "votre référence", description: "Votre référence" }),
});

export type LeadSubmission = z.infer<typeof leadSubmissionSchema>;
export type ConsentInput = z.infer<typeof consentInputSchema>;
export type ContactInput = z.infer<typeof contactInputSchema>;
export type AppointmentInput = z.infer<typeof appointmentInputSchema>;
