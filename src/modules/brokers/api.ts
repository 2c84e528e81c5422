import { z } from "zod";
import { ORIAS_CATEGORY_CODES } from "./rules/orias-categories";
import { PARTNER_CATEGORY_KEYS } from "./rules/partner-categories";
import { BROKER_ROLES } from "./rules/roles";

/** Request and response shapes of the brokers' routes, shared by the routes and the web app. */

const text = (title: string, max: number) => z.string().trim().min(1).max(max).meta({ title });

/** "Créer un compte courtier": the brokerage's identity, its ORIAS registration and its first admin. */
export const signupBodySchema = z
  .object({
    companyName: text("la raison sociale", 200),
    siren: text("le SIREN", 20),
    addressLine: text("l'adresse", 200),
    postalCode: text("le code postal", 10),
    city: text("la ville", 100),
    vatNumber: text("le numéro de TVA intracommunautaire", 30),
    oriasNumber: text("le numéro ORIAS", 20),
    oriasCategories: z
      .array(z.enum(ORIAS_CATEGORY_CODES).meta({ title: "la catégorie ORIAS" }))
      .min(1)
      .max(ORIAS_CATEGORY_CODES.length)
      .meta({ title: "les catégories d'inscription ORIAS" }),
    email: text("l'e-mail de l'administrateur", 254),
    firstName: text("le prénom", 100),
    lastName: text("le nom", 100),
    password: z.string().min(10).max(200).meta({ title: "le mot de passe" }),
  })
  .strict();
export type SignupBody = z.infer<typeof signupBodySchema>;

export const profileSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string(), role: z.string() }),
  organisation: z.object({ id: z.string(), kind: z.string(), name: z.string() }),
  csrfToken: z.string(),
});

export const brokerageStatusSchema = z.enum(["pending", "verified", "refused"]);
export type BrokerageStatus = z.infer<typeof brokerageStatusSchema>;

export const brokerageSchema = z.object({
  orgId: z.string(),
  legalName: z.string(),
  siren: z.string(),
  vatNumber: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  oriasNumber: z.string(),
  oriasCategories: z.array(z.string()),
  partnerCategories: z.array(z.string()),
  status: brokerageStatusSchema,
  verifiedAt: z.date().nullable(),
  refusedAt: z.date().nullable(),
  refusalReason: z.string().nullable(),
  createdAt: z.date(),
});
export type BrokerageView = z.infer<typeof brokerageSchema>;

export const adminBrokerageSchema = brokerageSchema.extend({
  adminEmail: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  oriasSearchUrl: z.string(),
});
export type AdminBrokerageView = z.infer<typeof adminBrokerageSchema>;

export const refuseBodySchema = z.object({ reason: text("le motif du refus", 500) }).strict();

export const partnerCategoriesBodySchema = z
  .object({
    partnerCategories: z
      .array(z.enum(PARTNER_CATEGORY_KEYS).meta({ title: "la catégorie de partenaires" }))
      .max(PARTNER_CATEGORY_KEYS.length)
      .meta({ title: "les catégories de partenaires" }),
  })
  .strict();

export const invitationBodySchema = z
  .object({
    email: text("l'e-mail du collègue", 254),
    role: z.enum(BROKER_ROLES).meta({ title: "le rôle" }),
  })
  .strict();

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
});
export type InvitationView = z.infer<typeof invitationSchema>;

export const acceptInvitationBodySchema = z
  .object({
    token: z.string().trim().min(10).max(200).meta({ title: "le lien d'invitation" }),
    firstName: text("le prénom", 100),
    lastName: text("le nom", 100),
    password: z.string().min(10).max(200).meta({ title: "le mot de passe" }),
  })
  .strict();
