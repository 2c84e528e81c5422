import { detectTns } from "../crm";
import type { ChecklistReviews } from "../crm/rules/checklist";
import type { ClientType } from "../crm/rules/client-model";
import { effectiveTns, type TnsDetection } from "../crm/rules/tns";
import type { FollowupAggregate } from "./load-followup";
import type { ActionPlanRecord } from "./rules/model";
import type { FollowupGuardContext } from "./rules/workflow";

/** The TNS detection on the client's record, and how this follow-up settled it. */
export function tnsStateOf(agg: FollowupAggregate): {
  detection: TnsDetection | null;
  resolution: FollowupAggregate["followup"]["tnsResolution"];
  isTns: boolean;
} {
  const detection = detectTns(agg.client);
  const resolution = agg.followup.tnsResolution ?? null;
  return { detection, resolution, isTns: effectiveTns(agg.client, resolution, detection) };
}

/**
 * A TNS detected on a record that does not say so (status, legal form, NAF code…) is checked as a pro
 * from the call on (spec 002 §4.3), until the agent sets the detection aside.
 */
export function effectiveClientType(agg: FollowupAggregate): { type: ClientType; isTns: boolean } {
  return { type: agg.client.type, isTns: tnsStateOf(agg).isTns };
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
  const { followup } = agg;
  const tns = tnsStateOf(agg);
  return {
    client: { type: agg.client.type, isTns: tns.isTns },
    tns: { detected: tns.detection !== null, resolved: tns.resolution !== null, reason: tns.detection?.reason ?? null },
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
