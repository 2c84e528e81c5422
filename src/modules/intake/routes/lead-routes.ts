import { z } from "zod";
import { access, SUPPLIER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { asCsvDownload } from "../../../platform/downloads";
import { errorResponses } from "../../../platform/openapi";
import { bodyReadByHandler } from "../../../platform/request-input";
import { acceptedAnswer, batchAnswer, leadFiltersSchema, leadListSchema, leadStatsSchema, rejectedAnswer } from "../api";
import { exportLeadsCsv } from "../export-leads";
import { IntakeBatcher } from "../intake-batcher";
import { leadStats } from "../lead-stats";
import { countLeads, decodeCursor, listLeads } from "../list-leads";
import { MAX_BATCH_ITEMS } from "../read-lead-json";
import { leadSubmissionSchema } from "../rules/lead-submission";
import { REJECTION_MESSAGES } from "../rules/rejection";
import { submitLead, submitLeadBatch } from "../submit-leads";

const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Une nouvelle tentative avec la même clé renvoie la première réponse sans rien créer"),
});

const reasonsDoc = Object.entries(REJECTION_MESSAGES)
  .map(([code, message]) => `- \`${code}\` : ${message}`)
  .join("\n");

export const intakeRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;
  const batcher = new IntakeBatcher(db, clock);
  const supplierOrKey = access.org(SUPPLIER, { apiKey: true });

  // Intake reads its JSON from the bytes received, so that whatever a lead holds is stored (read-lead-json.ts).
  const intake = { access: supplierOrKey, jsonBodyAsBytes: true };

  app.post(
    "/api/v1/leads",
    {
      config: intake,
      validatorCompiler: bodyReadByHandler,
      schema: {
        tags: ["Leads"],
        summary: "Envoyer un lead",
        description: `Le lead est accepté (201) ou rejeté (422) avec tous ses motifs, et conservé dans les deux cas avec tout ce qui a été envoyé (clés inconnues comprises). Une valeur du mauvais type est un motif de rejet (\`field_invalid\`), pas une erreur 400 ; seul un corps qui n'est pas un objet JSON est refusé (400).\n\nMotifs de rejet :\n${reasonsDoc}`,
        security: [{ apiKey: [] }],
        headers: idempotencyHeaders,
        body: leadSubmissionSchema,
        response: {
          201: acceptedAnswer,
          422: rejectedAnswer,
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const answer = await submitLead(db, batcher, authOf(req), req.body as unknown, req.headers["idempotency-key"], clock());
      if (answer.replayed) reply.header("idempotent-replayed", "true");
      return reply.code(answer.statusCode as 201 | 422).send(answer.body as never);
    },
  );

  app.post(
    "/api/v1/leads/batch",
    {
      config: intake,
      validatorCompiler: bodyReadByHandler,
      schema: {
        tags: ["Leads"],
        summary: "Envoyer jusqu'à 1 000 leads",
        description:
          "Chaque lead est lu, jugé et conservé seul ; une réponse par lead, dans l'ordre d'envoi. Un élément illisible (pas un objet, trop imbriqué) est rejeté avec son motif sans gêner les autres.",
        security: [{ apiKey: [] }],
        headers: idempotencyHeaders,
        body: z.object({
          leads: z
            .array(leadSubmissionSchema.meta({ title: "le lead" }))
            .min(1)
            .max(MAX_BATCH_ITEMS)
            .meta({ title: "les leads" }),
        }),
        response: {
          200: batchAnswer,
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const answer = await submitLeadBatch(db, authOf(req), req.body as unknown, req.headers["idempotency-key"], clock());
      if (answer.replayed) reply.header("idempotent-replayed", "true");
      return answer.body;
    },
  );

  app.get(
    "/api/v1/leads",
    {
      config: { access: supplierOrKey },
      schema: {
        tags: ["Leads"],
        summary: "Mes leads (acceptés et rejetés)",
        security: [{ apiKey: [] }],
        querystring: leadFiltersSchema.extend({
          limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: "le nombre de leads" }),
          cursor: z.string().max(200).optional().meta({ title: "le curseur de page" }),
        }),
        response: {
          200: leadListSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      const { limit, cursor, ...filters } = req.query;
      const { orgId } = authOf(req);
      const before = decodeCursor(cursor);
      const [page, total] = await Promise.all([
        listLeads(db, orgId, filters, { limit, before }),
        before ? null : countLeads(db, orgId, filters),
      ]);
      return { ...page, total };
    },
  );

  app.get(
    "/api/v1/leads/stats",
    {
      config: { access: supplierOrKey },
      schema: {
        tags: ["Leads"],
        summary: "Acceptés / rejetés par jour, par produit, motifs de rejet, et ventes (canal, département, prix HT)",
        querystring: leadFiltersSchema,
        response: {
          200: leadStatsSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => leadStats(db, authOf(req).orgId, req.query),
  );

  app.get(
    "/api/v1/leads/export.csv",
    {
      config: { access: supplierOrKey },
      schema: { tags: ["Leads"], summary: "Export CSV (Excel) des leads filtrés", querystring: leadFiltersSchema },
    },
    async (req, reply) => {
      return asCsvDownload(reply, "leads.csv").send(exportLeadsCsv(db, authOf(req).orgId, req.query));
    },
  );

  app.get(
    "/api/v1/rejection-reasons",
    {
      config: { access: access.public("liste publique des motifs de rejet, pour les intégrateurs") },
      schema: {
        tags: ["Leads"],
        summary: "Motifs de rejet (codes stables et messages)",
        response: { 200: z.array(z.object({ code: z.string(), message: z.string() })) },
      },
    },
    async () => Object.entries(REJECTION_MESSAGES).map(([code, message]) => ({ code, message })),
  );
};
