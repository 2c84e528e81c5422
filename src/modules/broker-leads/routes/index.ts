import { z } from "zod";
import { pageAnswer } from "../../../lib/paging";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { asCsvDownload } from "../../../platform/downloads";
import { errorResponses } from "../../../platform/openapi";
import {
  attemptSchema,
  brokerDashboardSchema,
  brokerLeadDetailSchema,
  brokerLeadFiltersSchema,
  brokerLeadListSchema,
  brokerLeadsQuerySchema,
  dashboardQuerySchema,
  statusChangedSchema,
  statusChangeSchema,
} from "../api";
import { brokerDashboard } from "../broker-dashboard";
import { brokerLeadDetail } from "../broker-lead-detail";
import { changeLeadStatus, recordFailedCall } from "../change-status";
import { exportBrokerLeadsCsv } from "../export-broker-leads";
import { exportProofPdf } from "../export-proof";
import { listBrokerLeads } from "../list-broker-leads";
import { returnRoutes } from "./return-routes";

const tags = ["Espace courtier : leads et RDV"];
const leadParams = z.object({ leadId: z.uuid().meta({ title: "le lead" }) });

/** The leads and RDV a brokerage bought: dashboard, list, export, sheet with its proof, statuses. */
export const brokerLeadRoutes: RouteModule = (app, deps) => {
  const { database, clock, config } = deps;
  const { db } = database;
  returnRoutes(app, deps);

  app.get(
    "/api/v1/broker/dashboard",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Tableau de bord : leads et RDV reçus cette semaine ou ce mois, taux de contact et de transformation, dépense",
        querystring: dashboardQuerySchema,
        response: { 200: brokerDashboardSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => brokerDashboard(db, authOf(req).orgId, req.query.period, clock()),
  );

  app.get(
    "/api/v1/broker/leads",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Leads et RDV achetés par le cabinet (filtres, recherche par nom ou téléphone, pagination)",
        querystring: brokerLeadsQuerySchema,
        response: { 200: brokerLeadListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => pageAnswer(req.query, await listBrokerLeads(db, authOf(req).orgId, req.query, clock())),
  );

  app.get(
    "/api/v1/broker/leads/export.csv",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Export CSV (Excel, `;`) des leads filtrés ; les cellules de formule sont neutralisées",
        querystring: brokerLeadFiltersSchema,
      },
    },
    async (req, reply) => {
      return asCsvDownload(reply, "mes-leads.csv").send(exportBrokerLeadsCsv(db, authOf(req).orgId, req.query));
    },
  );

  app.get(
    "/api/v1/broker/leads/:leadId",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Fiche d'un lead acheté : champs, preuve de consentement vérifiée, délai d'appel, historique",
        description: "404 pour un lead que le cabinet n'a pas acheté.",
        params: leadParams,
        response: { 200: brokerLeadDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => brokerLeadDetail(db, authOf(req).orgId, req.params.leadId, clock()),
  );

  app.get(
    "/api/v1/broker/leads/:leadId/proof.pdf",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Preuve de consentement en PDF (A4), avec son empreinte et le résultat de la vérification",
        params: leadParams,
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await exportProofPdf(db, authOf(req), req.params.leadId, config.seller, clock());
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${filename}"`).send(Buffer.from(bytes));
    },
  );

  app.post(
    "/api/v1/broker/leads/:leadId/status",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Changer le statut : nouveau → contacté → vendu / perdu (motif) ; « vendu » peut créer le client dans le CRM",
        params: leadParams,
        body: statusChangeSchema,
        response: { 200: statusChangedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => changeLeadStatus(db, authOf(req), req.params.leadId, req.body, clock()),
  );

  app.post(
    "/api/v1/broker/leads/:leadId/failed-calls",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Noter un appel sans réponse (compte pour une contestation « injoignable »)",
        params: leadParams,
        response: { 200: attemptSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => recordFailedCall(db, authOf(req), req.params.leadId, clock()),
  );
};
