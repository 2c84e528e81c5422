import { type ChecklistReviews, checklistMissing } from "../crm/checklist";
import type { ClientType } from "../crm/client-model";
import { type ClientContract, type ContractValidation, contractValidationIssues } from "../crm/contract-compliance";
import { CLOSING_CRITERIA_LABELS, type ClosingCriteriaRecord, closingCriteriaMissing } from "./closing";
import {
  type ActionPlanRecord,
  actionPlanMissing,
  isInventoryRecorded,
  MAX_RETAINED_GAPS,
  type ReboundRecord,
  retainedGapCount,
} from "./model";

/**
 * Guards of the M+3 transitions, as pure functions of what has been recorded so far.
 * They return every failure (not just the first) so an override can journal all it lifts.
 */

export type GuardCode =
  | "guard_profile_incomplete"
  | "guard_contracts_incomplete"
  | "guard_callback_date_required"
  | "guard_too_many_gaps"
  | "guard_inventory_missing"
  | "guard_action_plan_required"
  | "guard_closing_criteria_missing";

/** Everything the guards look at; the server builds it from storage, the UI from its form state. */
export interface FollowupGuardContext {
  client: { type: ClientType; isTns: boolean };
  checklistReviews?: ChecklistReviews;
  contracts?: readonly ClientContract[];
  contractValidations?: readonly ContractValidation[];
  /** ISO date-time of the agreed callback. */
  callbackAt?: string | null;
  now: Date;
  rebound?: ReboundRecord | null;
  actionPlan?: ActionPlanRecord | null;
  closing?: ClosingCriteriaRecord | null;
}

export interface GuardFailure {
  code: GuardCode;
  message: string;
  missing: string[];
  /** False for data the next state cannot work without (a callback needs its date). */
  overridable: boolean;
}

function failure(code: GuardCode, message: string, missing: string[], overridable = true): GuardFailure {
  return { code, message, missing, overridable };
}

export function guardProfile(ctx: FollowupGuardContext): GuardFailure[] {
  const missing = checklistMissing(ctx.client.type, ctx.client.isTns, ctx.checklistReviews ?? {});
  if (missing.length === 0) return [];
  return [
    failure(
      "guard_profile_incomplete",
      "Fiche client incomplète : chaque point doit être Confirmé, Modifié ou Non communiqué " +
        "(l'agence et le chargé de clientèle doivent être confirmés ou modifiés).",
      missing,
    ),
  ];
}

export function guardContracts(ctx: FollowupGuardContext): GuardFailure[] {
  const issues = contractValidationIssues(ctx.contracts ?? [], ctx.contractValidations ?? []);
  if (issues.length === 0) return [];
  return [
    failure(
      "guard_contracts_incomplete",
      "Contrats non finalisés : chaque contrat doit être Signé, ou avoir ses éléments manquants listés " +
        `avec leur mode de récupération. ${issues.map((i) => i.message).join(" ; ")}.`,
      [...new Set(issues.map((i) => i.contractId))],
    ),
  ];
}

export function guardCallbackDate(ctx: FollowupGuardContext): GuardFailure[] {
  const at = ctx.callbackAt ? Date.parse(ctx.callbackAt) : Number.NaN;
  if (!Number.isNaN(at) && at > ctx.now.getTime()) return [];
  return [failure("guard_callback_date_required", "Date et heure de rappel obligatoires, dans le futur.", ["callbackAt"], false)];
}

export function guardRebound(ctx: FollowupGuardContext): GuardFailure[] {
  const failures: GuardFailure[] = [];
  if (!isInventoryRecorded(ctx.rebound)) {
    failures.push(
      failure(
        "guard_inventory_missing",
        "Question pivot sans réponse : enregistrer les contrats détenus ailleurs, ou « aucun autre assureur ».",
        ["inventory"],
      ),
    );
  }
  const gaps = retainedGapCount(ctx.rebound);
  if (gaps > MAX_RETAINED_GAPS) {
    failures.push(
      failure("guard_too_many_gaps", `Trop de manques retenus (${gaps}) : ${MAX_RETAINED_GAPS} au maximum par appel.`, ["retainedGaps"]),
    );
  }
  return failures;
}

export function guardClosing(ctx: FollowupGuardContext): GuardFailure[] {
  const failures: GuardFailure[] = [];
  const planMissing = actionPlanMissing(ctx.actionPlan);
  if (planMissing.length > 0) {
    failures.push(
      failure(
        "guard_action_plan_required",
        "Plan d'actions requis : au moins une action avec échéance et responsable, ou le motif de l'absence d'action.",
        planMissing,
      ),
    );
  }
  const criteria = closingCriteriaMissing(ctx.closing);
  if (criteria.length > 0) {
    failures.push(
      failure(
        "guard_closing_criteria_missing",
        `Critères de clôture à renseigner : ${criteria.map((k) => CLOSING_CRITERIA_LABELS[k]).join(" ; ")}.`,
        criteria,
      ),
    );
  }
  return failures;
}
