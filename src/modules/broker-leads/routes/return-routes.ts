import { z } from "zod";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { returnDecisionSchema, returnQueueSchema, returnRequestSchema, returnsQuerySchema } from "../api";
import { decideReturn } from "../returns/decide-return";
import { listReturns } from "../returns/list-returns";
import { requestReturn } from "../returns/request-return";

const tags = ["Contestations"];
const returnAnswer = z.object({ id: z.string(), status: z.enum(["pending", "accepted", "refused"]) });

/** Returns: the broker asks within 7 days, the operator accepts (credits back) or refuses with a comment. */
export const returnRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;

  app.post(
    "/api/v1/broker/leads/:leadId/return",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Contester un lead acheté (7 jours, motif de la liste, plafond de 15 % des achats sur 30 jours)",
        params: z.object({ leadId: z.uuid().meta({ title: "le lead" }) }),
        body: returnRequestSchema,
        response: { 201: returnAnswer, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await requestReturn(db, authOf(req), req.params.leadId, req.body, clock())),
  );

  app.get(
    "/api/v1/admin/returns",
    {
      config: { access: access.platform() },
      schema: {
        tags,
        summary: "File des contestations (en attente d'abord), avec le taux de contestation de chaque cabinet",
        querystring: returnsQuerySchema,
        response: { 200: returnQueueSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listReturns(db, req.query.status, clock()) }),
  );

  app.post(
    "/api/v1/admin/returns/:returnId/decision",
    {
      config: { access: access.platform() },
      schema: {
        tags,
        summary: "Accepter (crédits remboursés) ou refuser (avec un commentaire) une contestation",
        params: z.object({ returnId: z.uuid().meta({ title: "la contestation" }) }),
        body: returnDecisionSchema,
        response: { 200: returnAnswer, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => decideReturn(db, authOf(req), req.params.returnId, req.body, clock()),
  );
};
