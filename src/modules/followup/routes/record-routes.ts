import type { z } from "zod";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { AuthContext } from "../../../platform/auth-context";
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
import type { FollowupState } from "../rules/workflow";

const tags = ["Suivi M+3"];
const errors = errorResponses(400, 401, 403, 404, 409);

type Write<B extends z.ZodType> = (
  auth: AuthContext,
  id: string,
  input: z.output<B>,
  now: Date,
) => Promise<{ state: string; version: number }>;

/**
 * What the agent records during the call. Each block opens at its step (409 `transition_refused`,
 * code `step_locked`, before that), and each write is journaled with who, when and what changed.
 * Every recording has the same shape: a body for one follow-up, answered with its new state and version.
 */
export function recordRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const { clock } = deps;
  const record = <B extends z.ZodType>(method: "POST" | "PUT", what: string, summary: string, body: B, write: Write<B>) =>
    app.route({
      method,
      url: `/api/v1/followups/:id/${what}`,
      config: { access: access.org(BROKER) },
      schema: { tags, summary, params: idParams, body, response: { 200: writeAnswer, ...errors } },
      handler: async (req) => {
        const { id } = req.params as z.output<typeof idParams>;
        const done = await write(authOf(req), id, req.body as z.output<B>, clock());
        return { id, state: done.state as FollowupState, version: done.version };
      },
    });

  record(
    "POST",
    "checklist-reviews",
    "Fiche client : Confirmé / Modifié (avec la nouvelle valeur, appliquée à la fiche) / Non communiqué",
    checklistReviewsBody,
    (auth, id, body, now) => recordChecklistReviews(db, auth, id, body.reviews, now),
  );
  record(
    "POST",
    "contract-validations",
    "Contrat : Signé / Pièce manquante / À relancer, avec les éléments manquants et leur mode de récupération",
    contractValidationBody,
    (auth, id, body, now) => recordContractValidation(db, auth, id, body, now),
  );
  record(
    "PUT",
    "rebound",
    "Rebond commercial : contrats chez nous / ailleurs, manques retenus (3 au plus)",
    reboundBody,
    (auth, id, body, now) => recordRebound(db, auth, id, body, now),
  );
  record(
    "PUT",
    "action-plan",
    "Plan d'actions daté (devis, RDV, relance : échéance et responsable), ou le motif de l'absence d'action",
    actionPlanBody,
    (auth, id, body, now) => recordActionPlan(db, auth, id, body, now),
  );
  record("POST", "callback", "Déplacer le rappel programmé", callbackBody, (auth, id, body, now) =>
    rescheduleCallback(db, auth, id, body.callbackAt, now),
  );
  record(
    "POST",
    "closing-criteria",
    "Critères de clôture (interlocuteur dédié, carte envoyée, fiche qualifiée, zones de risque) ; seuls les critères envoyés changent",
    closingCriteriaBody,
    (auth, id, body, now) => recordClosingCriteria(db, auth, id, body, now),
  );
  record(
    "POST",
    "contact-card",
    "Envoyer la carte de contact du chargé de clientèle (vCard par e-mail, ou SMS)",
    contactCardBody,
    (auth, id, body, now) => sendContactCard({ db, notifier: deps.notifier }, auth, id, body, now),
  );
  record(
    "POST",
    "tns-requalification",
    "Passer la fiche en client pro / TNS avec le chargé de clientèle confirmé",
    tnsBody,
    (auth, id, body, now) => requalifyTns(db, auth, id, body, now),
  );
  record(
    "POST",
    "tns-dismissal",
    "Écarter le statut TNS détecté, avec le motif (le client n'est pas travailleur non salarié)",
    tnsDismissalBody,
    (auth, id, body, now) => dismissTns(db, auth, id, body, now),
  );
}
