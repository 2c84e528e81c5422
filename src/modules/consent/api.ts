import { z } from "zod";
import { PARTNER_CATEGORY_KEYS } from "../brokers/rules/partner-categories";

/** Request and response shapes of the consent texts: the routes validate and document with them, the web derives its types. */

export const consentTextSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  body: z.string(),
  sha256: z.string(),
  partners: z.array(z.string()),
  /** Partner categories (brokers/rules/partner-categories.ts): who a lead under this text may be sold to. */
  partnerCategories: z.array(z.string()),
  publishedAt: z.date(),
});
export type ConsentTextView = z.infer<typeof consentTextSchema>;

export const newConsentTextSchema = z.object({
  version: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/)
    .meta({ title: "la version", description: "lettres, chiffres, . _ - uniquement", examples: ["LA-2026-08-v1"] }),
  title: z.string().trim().min(3).max(200).meta({ title: "le titre" }),
  body: z.string().trim().min(50).max(20_000).meta({ title: "le texte du consentement" }),
  partners: z
    .array(z.string().trim().min(2).max(200).meta({ title: "le partenaire" }))
    .min(1)
    .meta({ title: "les partenaires (ou catégories de partenaires)" }),
  partnerCategories: z
    .array(z.enum(PARTNER_CATEGORY_KEYS).meta({ title: "la catégorie de partenaires" }))
    .max(PARTNER_CATEGORY_KEYS.length)
    .optional()
    .meta({ title: "les catégories de partenaires (à qui le lead peut être vendu)" }),
});
export type NewConsentText = z.input<typeof newConsentTextSchema>;
