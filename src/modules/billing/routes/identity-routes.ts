import { access, BROKER, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { billingIdentityBody, billingIdentitySchema } from "../api";
import { getBillingIdentity, updateBillingIdentity } from "../update-billing-identity";

export const identityRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;

  app.get(
    "/api/v1/billing/identity",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags: ["Crédits et factures"],
        summary: "Identité de facturation du cabinet (raison sociale, SIREN, adresse, TVA)",
        response: { 200: billingIdentitySchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => getBillingIdentity(db, authOf(req).orgId),
  );

  app.put(
    "/api/v1/billing/identity",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags: ["Crédits et factures"],
        summary: "Modifier l'adresse et le numéro de TVA imprimés sur les prochaines factures",
        body: billingIdentityBody,
        response: { 200: billingIdentitySchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      return updateBillingIdentity(db, { orgId: auth.orgId, userId: auth.userId }, req.body, deps.clock());
    },
  );
};
