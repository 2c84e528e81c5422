import { z } from "zod";
import { access, BROKER, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { App, AppDeps } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { parisMonth } from "../../catalogue/rules/dates";
import {
  actionParams,
  campaignAnswer,
  campaignBody,
  campaignRunsAnswer,
  measuresAnswer,
  measuresQuery,
  myActionsAnswer,
  remindersAnswer,
} from "../api";
import { campaignRuns } from "../campaign/campaign-jobs";
import { runCampaignNow } from "../campaign/run-campaign-now";
import { sendActionReminders } from "../campaign/send-reminders";
import { followupMeasures } from "../team/measures";
import { completeAction, myActions } from "../team/my-actions";

const tags = ["Suivi M+3"];

/** The agency's view: campaigns, measures, and each person's actions and reminders. */
export function teamRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const { clock } = deps;

  app.get(
    "/api/v1/followups/measures",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Mesures M+3 par mois de campagne, agence et chargé de clientèle",
        querystring: measuresQuery,
        response: { 200: measuresAnswer, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => followupMeasures(db, authOf(req).orgId, { ...req.query, now: clock() }),
  );

  app.get(
    "/api/v1/followups/campaigns",
    {
      config: { access: access.org(BROKER) },
      schema: { tags, summary: "Campagnes mensuelles exécutées", response: { 200: campaignRunsAnswer, ...errorResponses(401, 403) } },
    },
    async (req) => ({ currentMonth: parisMonth(clock()), runs: await campaignRuns(db, authOf(req).orgId) }),
  );

  app.post(
    "/api/v1/followups/campaigns",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Lancer la campagne M+3 d'un mois (le mois en cours par défaut)",
        description: "Idempotent : les clients qui ont déjà leur suivi ne sont pas repris.",
        body: campaignBody,
        response: { 200: campaignAnswer, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => runCampaignNow(db, authOf(req), req.body.month, clock()),
  );

  app.get(
    "/api/v1/followups/my-actions",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Mes actions : en retard, du jour, à venir",
        response: { 200: myActionsAnswer, ...errorResponses(401, 403) },
      },
    },
    async (req) => myActions(db, authOf(req), clock()),
  );

  app.post(
    "/api/v1/followups/actions/:actionId/done",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Marquer une action comme faite",
        params: actionParams,
        response: { 200: z.object({ id: z.string(), status: z.string() }), ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const row = await completeAction(db, authOf(req), req.params.actionId, clock());
      return { id: row.id, status: row.status };
    },
  );

  app.post(
    "/api/v1/followups/reminders",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Envoyer maintenant les rappels d'actions du jour et en retard (une fois par action et par jour)",
        response: { 200: remindersAnswer, ...errorResponses(401, 403) },
      },
    },
    async (req) => sendActionReminders({ db, notifier: deps.notifier }, { now: clock(), orgId: authOf(req).orgId }),
  );
}
