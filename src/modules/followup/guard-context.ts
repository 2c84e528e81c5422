import type { ChecklistReviews } from "../../shared/crm/checklist";
import { type ClientType, needsTnsRequalification } from "../../shared/crm/client-model";
import type { ActionPlanRecord } from "../../shared/followup/model";
import type { FollowupGuardContext } from "../../shared/followup/workflow";
import type { FollowupAggregate } from "./load-followup";

/**
 * A TNS detected on a particulier record (flag or professional status) is checked as a pro from the
 * call on (spec 002 §4.3): the pro items are asked even before the record is switched.
 */
export function effectiveClientType(client: FollowupAggregate["client"]): { type: ClientType; isTns: boolean } {
  return { type: client.type, isTns: client.isTns || needsTnsRequalification(client) };
}

/** Review statuses only: the stored review also keeps who, when and the before/after values. */
export function reviewStatuses(agg: FollowupAggregate): ChecklistReviews {
  return Object.fromEntries(Object.entries(agg.followup.checklistReviews).map(([key, review]) => [key, review.status]));
}

/** The plan as the guards see it: the plan's live actions (a callback reminder is not a decided action). */
export function actionPlanOf(agg: FollowupAggregate): ActionPlanRecord {
  const actions = agg.actions
    .filter((a) => a.origin === "action_plan" && a.status !== "cancelled")
    .map((a) => ({ kind: a.kind, productLine: a.productLine, dueDate: a.dueDate, ownerId: a.ownerId, note: a.note }));
  return { actions, noActionReason: agg.followup.noActionReason };
}

/** What the shared guards check, built from storage; the server never trusts the screen's copy. */
export function guardContextOf(agg: FollowupAggregate, now: Date, override: { callbackAt?: string | null } = {}): FollowupGuardContext {
  const { followup, client } = agg;
  return {
    client: effectiveClientType(client),
    checklistReviews: reviewStatuses(agg),
    contracts: agg.contracts,
    contractValidations: followup.contractValidations,
    callbackAt: "callbackAt" in override ? override.callbackAt : (followup.callbackAt?.toISOString() ?? null),
    now,
    rebound: followup.rebound,
    actionPlan: actionPlanOf(agg),
    closing: followup.closing,
  };
}
