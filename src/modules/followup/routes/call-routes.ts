import { z } from "zod";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { App, AppDeps } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { buildVCard, vcardFilename } from "../../notifications";
import { followupViewSchema, idParams, listAnswer, listQuery, transitionAnswer, transitionBody } from "../api";
import { loadManagerCard, vcardInputOf } from "../call/contact-card";
import { getFollowup } from "../call/get-followup";
import { transitionFollowup } from "../call/transition-followup";
import { loadFollowup } from "../load-followup";
import type { FollowupEvent } from "../rules/workflow";
import { listFollowups } from "../team/list-followups";

const tags = ["Suivi M+3"];

/** The call itself: the list of calls, the call screen's data, the workflow moves. */
export function callRoutes(app: App, { database, clock }: AppDeps) {
  const { db } = database;

  app.get(
    "/api/v1/followups",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Mes appels M+3 (ou ceux de l'agence)",
        querystring: listQuery,
        response: { 200: listAnswer, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listFollowups(db, authOf(req), req.query),
  );

  app.get(
    "/api/v1/followups/:id",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Écran d'appel : client, contrats, étape, actions possibles, checklist, script, manques, historique",
        params: idParams,
        response: { 200: followupViewSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => getFollowup(db, authOf(req), req.params.id, clock()),
  );

  app.post(
    "/api/v1/followups/:id/transitions",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Passer à l'étape suivante (ou forcer, responsable d'agence avec motif)",
        description:
          "Refus : 409 `transition_refused` avec le message et `details: { code, missing }` (transition hors tableau, contrôle non satisfait, forçage non autorisé). Version périmée : 409 `conflict`.",
        params: idParams,
        body: transitionBody,
        response: { 200: transitionAnswer, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const body = { ...req.body, event: req.body.event as FollowupEvent };
      const done = await transitionFollowup(db, auth, req.params.id, body, clock());
      return {
        id: req.params.id,
        state: done.state,
        version: done.version,
        from: done.result.from,
        overridden: Boolean(done.result.overridden),
      };
    },
  );

  app.get(
    "/api/v1/followups/:id/contact-card.vcf",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Carte de contact (vCard) du chargé de clientèle du client",
        params: idParams,
        querystring: z.object({ version: z.enum(["4.0", "3.0"]).default("4.0").meta({ title: "la version de la vCard" }) }),
      },
    },
    async (req, reply) => {
      const agg = await loadFollowup(db, authOf(req).orgId, req.params.id);
      const input = vcardInputOf(await loadManagerCard(db, agg), req.query.version);
      return reply
        .header("content-type", "text/vcard; charset=utf-8")
        .header("content-disposition", `attachment; filename="${vcardFilename(input)}"`)
        .send(buildVCard(input));
    },
  );
}
