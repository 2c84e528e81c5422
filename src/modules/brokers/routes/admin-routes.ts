import { z } from "zod";
import { access } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import { actorOf } from "../../../platform/auth-context";
import type { App, AppDeps } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { adminBrokerageSchema, brokerageSchema, brokerageStatusSchema, partnerCategoriesBodySchema, refuseBodySchema } from "../api";
import { listBrokerages } from "../list-brokerages";
import { type Operator, refuseBrokerage, setPartnerCategories, verifyBrokerage } from "../review-brokerage";

const orgParams = z.object({ orgId: z.uuid().meta({ title: "l'identifiant du cabinet" }) });

/** The platform operator: brokerages to verify (ORIAS), verify or refuse, partner categories. */
export function adminRoutes(app: App, { database, clock }: AppDeps) {
  const { db } = database;
  const operatorOf = (req: Parameters<typeof authOf>[0]): Operator => {
    const actor = actorOf(authOf(req));
    return { ...actor, userId: actor.userId ?? "" };
  };

  app.get(
    "/api/v1/admin/brokerages",
    {
      config: { access: access.platform() },
      schema: {
        tags: ["Courtiers"],
        summary: "Cabinets inscrits (à vérifier d'abord)",
        querystring: z.object({ status: brokerageStatusSchema.optional().meta({ title: "le statut" }) }),
        response: { 200: z.object({ items: z.array(adminBrokerageSchema) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listBrokerages(db, { status: req.query.status }) }),
  );

  app.post(
    "/api/v1/admin/brokerages/:orgId/verify",
    {
      config: { access: access.platform() },
      schema: {
        tags: ["Courtiers"],
        summary: "Inscription ORIAS vérifiée : le cabinet peut acheter",
        params: orgParams,
        response: { 200: brokerageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => db.transaction((tx) => verifyBrokerage(tx, operatorOf(req), req.params.orgId, clock())),
  );

  app.post(
    "/api/v1/admin/brokerages/:orgId/refuse",
    {
      config: { access: access.platform() },
      schema: {
        tags: ["Courtiers"],
        summary: "Refuser l'inscription (avec le motif)",
        params: orgParams,
        body: refuseBodySchema,
        response: { 200: brokerageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => db.transaction((tx) => refuseBrokerage(tx, operatorOf(req), req.params.orgId, req.body.reason, clock())),
  );

  app.put(
    "/api/v1/admin/brokerages/:orgId/partner-categories",
    {
      config: { access: access.platform() },
      schema: {
        tags: ["Courtiers"],
        summary: "Catégories de partenaires du cabinet (couverture par le consentement)",
        params: orgParams,
        body: partnerCategoriesBodySchema,
        response: { 200: brokerageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => db.transaction((tx) => setPartnerCategories(tx, operatorOf(req), req.params.orgId, req.body.partnerCategories, clock())),
  );
}
