import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { App, AppDeps } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import {
  actionPlanBody,
  callbackBody,
  checklistReviewsBody,
  closingCriteriaBody,
  contactCardBody,
  contractValidationBody,
  idParams,
  reboundBody,
  tnsBody,
  tnsDismissalBody,
  writeAnswer,
} from "../api";
import { dismissTns, requalifyTns } from "../call/requalify-tns";
import { rescheduleCallback } from "../call/schedule-callback";
import { sendContactCard } from "../call/send-contact-card";
import { recordActionPlan } from "../record/record-action-plan";
import { recordChecklistReviews } from "../record/record-checklist-review";
import { recordClosingCriteria } from "../record/record-closing";
import { recordContractValidation } from "../record/record-contract-validation";
import { recordRebound } from "../record/record-rebound";

const tags = ["Suivi M+3"];
const errors = errorResponses(400, 401, 403, 404, 409);
const answer = (id: string, done: { state: string; version: number }) => ({ id, state: done.state as never, version: done.version });

/**
 * What the agent records during the call. Each block opens at its step (409 `transition_refused`,
 * code `step_locked`, before that), and each write is journaled with who, when and what changed.
 */
export function recordRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const { clock } = deps;
  const route = { config: { access: access.org(BROKER) } };

  app.post(
    "/api/v1/followups/:id/checklist-reviews",
    {
      ...route,
      schema: {
        tags,
        summary: "Fiche client : Confirmé / Modifié (avec la nouvelle valeur, appliquée à la fiche) / Non communiqué",
        params: idParams,
        body: checklistReviewsBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await recordChecklistReviews(db, authOf(req), req.params.id, req.body.reviews, clock())),
  );

  app.post(
    "/api/v1/followups/:id/contract-validations",
    {
      ...route,
      schema: {
        tags,
        summary: "Contrat : Signé / Pièce manquante / À relancer, avec les éléments manquants et leur mode de récupération",
        params: idParams,
        body: contractValidationBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await recordContractValidation(db, authOf(req), req.params.id, req.body, clock())),
  );

  app.put(
    "/api/v1/followups/:id/rebound",
    {
      ...route,
      schema: {
        tags,
        summary: "Rebond commercial : contrats chez nous / ailleurs, manques retenus (3 au plus)",
        params: idParams,
        body: reboundBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await recordRebound(db, authOf(req), req.params.id, req.body, clock())),
  );

  app.put(
    "/api/v1/followups/:id/action-plan",
    {
      ...route,
      schema: {
        tags,
        summary: "Plan d'actions daté (devis, RDV, relance : échéance et responsable), ou le motif de l'absence d'action",
        params: idParams,
        body: actionPlanBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await recordActionPlan(db, authOf(req), req.params.id, req.body, clock())),
  );

  app.post(
    "/api/v1/followups/:id/callback",
    {
      ...route,
      schema: {
        tags,
        summary: "Déplacer le rappel programmé",
        params: idParams,
        body: callbackBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await rescheduleCallback(db, authOf(req), req.params.id, req.body.callbackAt, clock())),
  );

  app.post(
    "/api/v1/followups/:id/closing-criteria",
    {
      ...route,
      schema: {
        tags,
        summary:
          "Critères de clôture (interlocuteur dédié, carte envoyée, fiche qualifiée, zones de risque) ; seuls les critères envoyés changent",
        params: idParams,
        body: closingCriteriaBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await recordClosingCriteria(db, authOf(req), req.params.id, req.body, clock())),
  );

  app.post(
    "/api/v1/followups/:id/contact-card",
    {
      ...route,
      schema: {
        tags,
        summary: "Envoyer la carte de contact du chargé de clientèle (vCard par e-mail, ou SMS)",
        params: idParams,
        body: contactCardBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) =>
      answer(req.params.id, await sendContactCard({ db, notifier: deps.notifier }, authOf(req), req.params.id, req.body, clock())),
  );

  app.post(
    "/api/v1/followups/:id/tns-requalification",
    {
      ...route,
      schema: {
        tags,
        summary: "Passer la fiche en client pro / TNS avec le chargé de clientèle confirmé",
        params: idParams,
        body: tnsBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await requalifyTns(db, authOf(req), req.params.id, req.body, clock())),
  );

  app.post(
    "/api/v1/followups/:id/tns-dismissal",
    {
      ...route,
      schema: {
        tags,
        summary: "Écarter le statut TNS détecté, avec le motif (le client n'est pas travailleur non salarié)",
        params: idParams,
        body: tnsDismissalBody,
        response: { 200: writeAnswer, ...errors },
      },
    },
    async (req) => answer(req.params.id, await dismissTns(db, authOf(req), req.params.id, req.body, clock())),
  );
}
