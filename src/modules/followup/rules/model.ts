import type { ProductLine } from "../../crm/rules/product-lines";

/**
 * Data recorded during the commercial part of the call (rebound, action plan) and the rules
 * that make it "recorded enough" to move on. Slugs are persisted: keep them stable.
 */

/** Spec 002 §8 guard-rail: no more than 2-3 gaps per call, or the call turns into a sales pitch. */
export const MAX_RETAINED_GAPS = 3;

export const REBOUND_ANSWER_OPTIONS = [
  { value: "elsewhere", label: "Contrat ailleurs" },
  { value: "not_covered", label: "Pas couvert" },
  { value: "to_explore", label: "À approfondir" },
] as const;
export type ReboundAnswer = (typeof REBOUND_ANSWER_OPTIONS)[number]["value"];
export const REBOUND_ANSWER_LABELS: Record<ReboundAnswer, string> = {
  elsewhere: "Contrat ailleurs",
  not_covered: "Pas couvert",
  to_explore: "À approfondir",
};

export interface ReboundLineAnswer {
  productLine: ProductLine;
  answer: ReboundAnswer;
  insurerName?: string | null;
  note?: string | null;
}

export interface ReboundRecord {
  /** What the client said, line by line, after the pivot question. */
  lines?: readonly ReboundLineAnswer[];
  /** The pivot question was answered "aucun autre assureur". */
  noOtherInsurer?: boolean | null;
  /** Gaps the agent keeps for this call (at most MAX_RETAINED_GAPS, distinct lines). */
  retainedGaps?: readonly ProductLine[];
}

/** The pivot question counts as answered once an external contract or "aucun autre assureur" is on record. */
export function isInventoryRecorded(rebound: ReboundRecord | null | undefined): boolean {
  if (!rebound) return false;
  return rebound.noOtherInsurer === true || (rebound.lines ?? []).some((l) => l.answer === "elsewhere");
}

export function retainedGapCount(rebound: ReboundRecord | null | undefined): number {
  return new Set(rebound?.retainedGaps ?? []).size;
}

/** Lines declared as held with another insurer: they feed the "has(line)" of the gap engine. */
export function linesHeldElsewhere(rebound: ReboundRecord | null | undefined): ProductLine[] {
  return [...new Set((rebound?.lines ?? []).filter((l) => l.answer === "elsewhere").map((l) => l.productLine))];
}

export const ACTION_KIND_OPTIONS = [
  { value: "quote", label: "Créer devis" },
  { value: "appointment", label: "Planifier RDV" },
  { value: "follow_up", label: "Programmer relance" },
  { value: "send_documents", label: "Envoyer des éléments" },
] as const;
export type ActionKind = (typeof ACTION_KIND_OPTIONS)[number]["value"];
export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  quote: "Créer devis",
  appointment: "Planifier RDV",
  follow_up: "Programmer relance",
  send_documents: "Envoyer des éléments",
};

export interface PlannedAction {
  kind: ActionKind;
  productLine?: ProductLine | null;
  /** Calendar date, YYYY-MM-DD. */
  dueDate?: string | null;
  /** User id of the person responsible. */
  ownerId?: string | null;
  note?: string | null;
}

export interface ActionPlanRecord {
  actions?: readonly PlannedAction[];
  /** Explicit reason when the call ends without any action (client fully equipped, refusal…). */
  noActionReason?: string | null;
}

export function isIsoDate(value: string | null | undefined): boolean {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * What keeps the action plan from being "daté" (spec 002 §7): every recorded action needs a due
 * date and an owner, and there must be at least one action unless a no-action reason is given.
 * Returns paths such as "actions", "actions[1].dueDate".
 */
/** "actions[1].dueDate" → "Date d'échéance de l'action 2", as the screens and refusals name it. */
export function actionPathLabel(path: string): string {
  if (path === "actions") return "Au moins une action, ou le motif de l'absence d'action";
  const match = /^actions\[(\d+)\]\.(dueDate|ownerId)$/.exec(path);
  if (!match) return path;
  return `${match[2] === "dueDate" ? "Date d'échéance" : "Responsable"} de l'action ${Number(match[1]) + 1}`;
}

export function actionPlanMissing(plan: ActionPlanRecord | null | undefined): string[] {
  const actions = plan?.actions ?? [];
  const missing: string[] = [];
  actions.forEach((action, i) => {
    if (!isIsoDate(action.dueDate)) missing.push(`actions[${i}].dueDate`);
    if (!action.ownerId?.trim()) missing.push(`actions[${i}].ownerId`);
  });
  if (actions.length === 0 && !plan?.noActionReason?.trim()) missing.push("actions");
  return missing;
}
