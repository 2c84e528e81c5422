import { z } from "zod";
import { access, SUPPLIER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { leadDetailSchema } from "../../intake/api";
import { getLeadDetail } from "../lead-detail";

/**
 * A supplier's lead with its consent proof and its integrity against the journal: the intake stores the
 * lead, this module judges whether it is still what was stored, so the answer is built here.
 */
export const evidenceRoutes: RouteModule = (app, { database, clock }) => {
  app.get(
    "/api/v1/leads/:id",
    {
      config: { access: access.org(SUPPLIER, { apiKey: true }) },
      schema: {
        tags: ["Leads"],
        summary: "Un lead avec sa preuve de consentement",
        params: z.object({ id: z.uuid().meta({ title: "l'identifiant du lead" }) }),
        description:
          "`integrity` dit si le lead et sa preuve sont ceux que l'application a enregistrés (journal d'audit signé, chaîne ancrée). 410 : le lead a été supprimé de la base alors que le journal atteste son enregistrement.",
        response: { 200: leadDetailSchema, ...errorResponses(400, 401, 403, 404, 410) },
      },
    },
    async (req) => getLeadDetail(database.db, authOf(req).orgId, req.params.id, clock()),
  );
};
