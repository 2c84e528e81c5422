import { type ChecklistReviews, checklistFor, checklistMissing, isRecordFullyQualified } from "../../crm/rules/checklist";
import type { ClientType } from "../../crm/rules/client-model";
import { type ClientContract, type ContractValidation, contractName, contractValidationIssues } from "../../crm/rules/contract-compliance";
import { CLOSING_CRITERIA_LABELS, type ClosingCriteriaRecord, closingCriteriaMissing } from "./closing";
import {
  type ActionPlanRecord,
  actionPathLabel,
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
  | "guard_closing_criteria_missing"
  | "guard_tns_unresolved"
  | "guard_record_not_qualified";

/** Everything the guards look at; the server builds it from storage, the UI from its form state. */
export interface FollowupGuardContext {
  /** The type and TNS status the call works with (a detected TNS counts until set aside). */
  client: { type: ClientType; isTns: boolean };
  /** A TNS detected on a record that does not say so: it must be resolved before the commercial rebound. */
  tns?: { detected: boolean; resolved: boolean; reason?: string | null };
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
  /** What is missing, as keys (checklist items, contract ids, form paths): for screens to point at it. */
  missing: string[];
  /** The same, in words ("Téléphone", "Contrat Auto n° POL-500012"), in the same order. */
  missingLabels: string[];
  /** False for data the next state cannot work without (a callback needs its date). */
  overridable: boolean;
}

interface Missing {
  key: string;
  label: string;
}

function failure(code: GuardCode, message: string, missing: readonly Missing[], overridable = true): GuardFailure {
  return { code, message, missing: missing.map((m) => m.key), missingLabels: missing.map((m) => m.label), overridable };
}

/**
 * The TNS check of spec 002 §4.3, ahead of the rebound: the record is switched to pro / TNS, or the
 * detection set aside with a reason. Not forceable: setting it aside with a reason is the way past it.
 */
function guardTns(ctx: FollowupGuardContext): GuardFailure[] {
  if (!ctx.tns?.detected || ctx.tns.resolved) return [];
  return [
    failure(
      "guard_tns_unresolved",
      `TNS détecté${ctx.tns.reason ? ` (${ctx.tns.reason})` : ""} : avant le rebond commercial, passez la fiche en ` +
        "client pro / TNS avec le bon chargé de clientèle, ou écartez la détection avec un motif.",
      [{ key: "tns", label: "Statut TNS à trancher (passer en pro / TNS, ou écarter avec un motif)" }],
      false,
    ),
  ];
}

export function guardProfile(ctx: FollowupGuardContext): GuardFailure[] {
  const keys = checklistMissing(ctx.client.type, ctx.client.isTns, ctx.checklistReviews ?? {});
  const failures = guardTns(ctx);
  if (keys.length === 0) return failures;
  const items = checklistFor(ctx.client.type, ctx.client.isTns);
  const missing = keys.map((key) => ({ key, label: items.find((i) => i.key === key)?.label ?? key }));
  return [
    failure(
      "guard_profile_incomplete",
      "Fiche client incomplète : chaque point doit être Confirmé, Modifié ou Non communiqué " +
        "(l'agence et le chargé de clientèle doivent être confirmés ou modifiés).",
      missing,
    ),
    ...failures,
  ];
}

export function guardContracts(ctx: FollowupGuardContext): GuardFailure[] {
  const contracts = ctx.contracts ?? [];
  const issues = contractValidationIssues(contracts, ctx.contractValidations ?? []);
  // The TNS is checked again here: the record may have changed since the profile step, and this is the door to the rebound.
  const failures = guardTns(ctx);
  if (issues.length === 0) return failures;
  const ids = [...new Set(issues.map((i) => i.contractId))];
  const missing = ids.map((id) => {
    const contract = contracts.find((c) => c.id === id);
    return { key: id, label: contract ? contractName(contract) : "Contrat" };
  });
  return [
    failure(
      "guard_contracts_incomplete",
      "Contrats non finalisés : chaque contrat doit être Signé, ou avoir ses éléments manquants listés " +
        `avec leur mode de récupération. ${issues.map((i) => i.message).join(" ; ")}.`,
      missing,
    ),
    ...failures,
  ];
}

export function guardCallbackDate(ctx: FollowupGuardContext): GuardFailure[] {
  const at = ctx.callbackAt ? Date.parse(ctx.callbackAt) : Number.NaN;
  if (!Number.isNaN(at) && at > ctx.now.getTime()) return [];
  return [
    failure(
      "guard_callback_date_required",
      "Date et heure de rappel obligatoires, dans le futur.",
      [{ key: "callbackAt", label: "Date et heure du rappel" }],
      false,
    ),
  ];
}

export function guardRebound(ctx: FollowupGuardContext): GuardFailure[] {
  const failures: GuardFailure[] = [];
  if (!isInventoryRecorded(ctx.rebound)) {
    failures.push(
      failure(
        "guard_inventory_missing",
        "Question pivot sans réponse : enregistrer les contrats détenus ailleurs, ou « aucun autre assureur ».",
        [{ key: "inventory", label: "Réponse à la question pivot (contrats ailleurs, ou « aucun autre assureur »)" }],
      ),
    );
  }
  const gaps = retainedGapCount(ctx.rebound);
  if (gaps > MAX_RETAINED_GAPS) {
    // Spec 002 §8 guard-rail, not forceable: the rebound endpoint refuses a fourth gap anyway.
    failures.push(
      failure(
        "guard_too_many_gaps",
        `Trop de manques retenus (${gaps}) : ${MAX_RETAINED_GAPS} au maximum par appel.`,
        [{ key: "retainedGaps", label: `Manques retenus : ${MAX_RETAINED_GAPS} au maximum` }],
        false,
      ),
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
        planMissing.map((key) => ({ key, label: actionPathLabel(key) })),
      ),
    );
  }
  const criteria = closingCriteriaMissing(ctx.closing);
  if (criteria.length > 0) {
    failures.push(
      failure(
        "guard_closing_criteria_missing",
        `Critères de clôture à renseigner : ${criteria.map((k) => CLOSING_CRITERIA_LABELS[k]).join(" ; ")}.`,
        criteria.map((key) => ({ key, label: CLOSING_CRITERIA_LABELS[key] })),
      ),
    );
  }
  // "Fiche 100 % qualifiée" answered oui while the checklist says otherwise (a point reviewed since): not a victory to record.
  if (
    ctx.closing?.recordFullyQualified === true &&
    !isRecordFullyQualified(ctx.client.type, ctx.client.isTns, ctx.checklistReviews ?? {})
  ) {
    failures.push(
      failure(
        "guard_record_not_qualified",
        "« Fiche client 100 % qualifiée » est répondu Oui alors qu'un point de la fiche est « Non communiqué » ou non vérifié : répondez Non, ou complétez la fiche.",
        [{ key: "record_fully_qualified", label: CLOSING_CRITERIA_LABELS.record_fully_qualified }],
        false,
      ),
    );
  }
  return failures;
}
