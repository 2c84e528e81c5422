import { z } from "zod";
import { access } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import { actorOf } from "../../../platform/auth-context";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { consentTextSchema, newConsentTextSchema } from "../api";
import { optOut } from "../opt-out";
import { listConsentTexts, publishConsentText } from "../publish-consent-text";

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
        body: newConsentTextSchema,
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
