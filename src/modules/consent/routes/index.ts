import { z } from "zod";
import { access } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import { actorOf } from "../../../platform/auth-context";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { PARTNER_CATEGORY_KEYS } from "../../brokers/rules/partner-categories";
import { optOut } from "../opt-out";
import { listConsentTexts, publishConsentText } from "../publish-consent-text";

const consentTextSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  body: z.string(),
  sha256: z.string(),
  partners: z.array(z.string()),
  partnerCategories: z.array(z.string()),
  publishedAt: z.date(),
});

export const consentRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;

  app.get(
    "/api/v1/consent-texts",
    {
      config: { access: access.public("les textes de consentement publiés sont publics : les apporteurs les affichent") },
      schema: {
        tags: ["Consentement"],
        summary: "Versions publiées du texte de consentement",
        response: { 200: z.object({ items: z.array(consentTextSchema) }) },
      },
    },
    async () => ({ items: (await listConsentTexts(db)).map(({ publishedBy: _by, ...t }) => t) }),
  );

  app.post(
    "/api/v1/consent-texts",
    {
      config: { access: access.platform() },
      schema: {
        tags: ["Consentement"],
        summary: "Publier une nouvelle version (définitive)",
        body: z.object({
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
        }),
        response: { 201: consentTextSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { publishedBy: _by, ...t } = await db.transaction((tx) =>
        publishConsentText(tx, actorOf(authOf(req)), { ...req.body, publishedAt: clock() }),
      );
      return reply.code(201).send(t);
    },
  );

  app.post(
    "/api/v1/opt-out",
    {
      config: {
        access: access.public("une personne se désinscrit sans compte"),
        rateLimit: { max: 20, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["Consentement"],
        summary: "Opposition : ne plus être démarché",
        body: z.object({
          phone: z.string().max(40).optional().meta({ title: "le téléphone" }),
          email: z.string().max(254).optional().meta({ title: "l'e-mail" }),
        }),
        response: { 204: z.null(), ...errorResponses(400, 429) },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) => optOut(tx, {}, { ...req.body, reason: "demande de la personne" }));
      return reply.code(204).send(null);
    },
  );
};
