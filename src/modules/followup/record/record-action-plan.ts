import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { type FieldIssue, validationError } from "../../../platform/errors";
import { formatFrenchDate, parisToday } from "../../catalogue/rules/dates";
import { referenceIssues } from "../../crm";
import type { ProductLine } from "../../crm/rules/product-lines";
import { actionPlanOf } from "../guard-context";
import { recordingOpenIn } from "../rules/call-screen";
import type { ActionKind } from "../rules/model";
import { followupActions } from "../schema";
import { type Actor, mutateFollowup } from "../write-followup";

export interface PlannedActionInput {
  kind: ActionKind;
  productLine?: ProductLine | null;
  dueDate: string;
  ownerId: string;
  note?: string | null;
}

const ACTION_PLAN_OPEN_IN = recordingOpenIn("actionPlan");

/**
 * What makes a plan not worth saving: an action due before today (Paris), or nothing decided and no
 * reason given. An empty plan is a decision only with its reason (client fully equipped, refusal…).
 */
function planIssues(plan: { actions: PlannedActionInput[]; noActionReason?: string | null }, now: Date): FieldIssue[] {
  const today = parisToday(now);
  const issues: FieldIssue[] = plan.actions.flatMap((a, i) =>
    a.dueDate < today
      ? [
          {
            field: `actions.${i}.dueDate`,
            message: `Date d'échéance de l'action ${i + 1} dans le passé (${formatFrenchDate(a.dueDate)}) : choisissez aujourd'hui ou une date à venir.`,
          },
        ]
      : [],
  );
  if (plan.actions.length === 0 && !plan.noActionReason?.trim()) {
    issues.push({
      field: "noActionReason",
      message:
        "Plan d'actions vide : ajoutez au moins une action (devis, rendez-vous, relance) avec son échéance et son " +
        "responsable, ou indiquez pourquoi aucune action n'est décidée (client entièrement équipé, refus…).",
    });
  }
  return issues;
}

/**
 * The dated action plan (spec 002 §7): devis, RDV, relances, each with its due date and owner, as
 * rows of followup_actions so they appear in "Mes actions" and get their reminders. The plan is
 * replaced as a whole while the step is open; done actions and callback reminders are kept.
 */
export async function recordActionPlan(
  db: DbOrTx,
  actor: Actor,
  id: string,
  plan: { actions: PlannedActionInput[]; noActionReason?: string | null },
  now: Date,
) {
  return mutateFollowup(db, actor, id, { now, openIn: ACTION_PLAN_OPEN_IN, what: "Le plan d'actions" }, async (tx, agg) => {
    const owners = plan.actions.map((a, i) => ({ field: `actions.${i}.ownerId`, kind: "user" as const, id: a.ownerId }));
    const issues = [...planIssues(plan, now), ...(await referenceIssues(tx, actor.orgId, owners))];
    if (issues.length > 0) throw validationError(issues);

    const before = actionPlanOf(agg);
    await tx
      .delete(followupActions)
      .where(and(eq(followupActions.followupId, id), eq(followupActions.origin, "action_plan"), eq(followupActions.status, "open")));
    if (plan.actions.length > 0) {
      await tx.insert(followupActions).values(
        plan.actions.map((a) => ({
          orgId: actor.orgId,
          followupId: id,
          clientId: agg.followup.clientId,
          kind: a.kind,
          productLine: a.productLine ?? null,
          dueDate: a.dueDate,
          ownerId: a.ownerId,
          note: a.note?.trim() || null,
          createdAt: now,
        })),
      );
    }
    const noActionReason = plan.actions.length === 0 ? plan.noActionReason?.trim() || null : null;
    return {
      patch: { noActionReason },
      steps: [{ kind: "action_plan", data: { before, after: { actions: plan.actions, noActionReason } } }],
      result: null,
    };
  });
}
