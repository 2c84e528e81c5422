import { z } from "zod";
import { access, BROKER } from "../../../server/access";
import { authOf } from "../../../server/auth";
import type { RouteModule } from "../../../server/deps";
import { errorResponses } from "../../../server/openapi";
import { holdHeadersSchema, holdSchema, marketListSchema, marketQuerySchema } from "../api";
import { holdLead, releaseHold } from "../hold-lead";
import { listMarket } from "../list-market";

const tags = ["Salle de marché"];
const leadParams = z.object({ leadId: z.uuid().meta({ title: "le lead" }) });
const holdParams = z.object({ holdId: z.uuid().meta({ title: "la réservation" }) });

/** The marketplace: browse the stock, reserve a lead while paying, give it back. */
export const marketRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;

  app.get(
    "/api/v1/market/leads",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Leads en vente (filtres, tri, pagination) — sans nom, téléphone ni e-mail",
        querystring: marketQuerySchema,
        response: { 200: marketListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const page = await listMarket(db, authOf(req).orgId, req.query, clock());
      return { ...page, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    "/api/v1/market/leads/:leadId/hold",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Réserver un lead pendant le paiement (5 minutes, un seul courtier à la fois)",
        params: leadParams,
        headers: holdHeadersSchema,
        response: { 201: holdSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const hold = await holdLead(db, authOf(req), { leadId: req.params.leadId, idempotencyKey: req.headers["idempotency-key"] }, clock());
      return reply.code(201).send(hold);
    },
  );

  app.delete(
    "/api/v1/market/holds/:holdId",
    {
      config: { access: access.org(BROKER) },
      schema: { tags, summary: "Annuler sa réservation", params: holdParams, response: { 204: z.null(), ...errorResponses(401, 403) } },
    },
    async (req, reply) => {
      await releaseHold(db, authOf(req), req.params.holdId, clock());
      return reply.code(204).send(null);
    },
  );
};
