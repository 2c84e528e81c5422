import { z } from "zod";
import { FOLLOWUP_STATES } from "./rules/workflow";

/** Response shapes of the follow-up API, one per endpoint (the requests are in request-schemas.ts). */

export const writeAnswer = z.object({ id: z.string(), state: z.enum(FOLLOWUP_STATES), version: z.number() });

const listItem = z.object({
  id: z.string(),
  state: z.enum(FOLLOWUP_STATES),
  version: z.number(),
  cohortMonth: z.string(),
  callbackAt: z.string().nullable(),
  reachedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  clientId: z.string(),
  clientName: z.string(),
  clientType: z.string(),
  clientPhone: z.string().nullable(),
  agencyName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  openActions: z.number(),
});
export const listAnswer = z.object({ items: z.array(listItem), hasMore: z.boolean(), counts: z.record(z.string(), z.number()) });

const measureRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  due: z.number(),
  notStarted: z.number(),
  inProgress: z.number(),
  closed: z.number(),
  reached: z.number(),
  qualified: z.number(),
  contractsBefore: z.number(),
  contractsNow: z.number(),
  multi2Before: z.number(),
  multi3Before: z.number(),
  multi2Now: z.number(),
  multi3Now: z.number(),
  opportunities: z.number(),
  quotes: z.number(),
  overdueActions: z.number(),
});
export const measuresAnswer = z.object({
  from: z.string(),
  to: z.string(),
  total: measureRow.nullable(),
  byMonth: z.array(measureRow),
  byAgency: z.array(measureRow),
  byManager: z.array(measureRow),
});

export const campaignAnswer = z.object({ month: z.string(), cohortFrom: z.string(), cohortTo: z.string(), created: z.number() });
export const campaignRunsAnswer = z.object({
  currentMonth: z.string(),
  runs: z.array(z.object({ month: z.string(), status: z.string(), finishedAt: z.date().nullable(), created: z.number().nullable() })),
});

const myAction = z.object({
  id: z.string(),
  followupId: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  origin: z.string(),
  productLine: z.string().nullable(),
  dueDate: z.string(),
  note: z.string().nullable(),
  clientId: z.string(),
  clientName: z.string(),
  clientPhone: z.string().nullable(),
});
export const myActionsAnswer = z.object({
  today: z.string(),
  overdue: z.array(myAction),
  dueToday: z.array(myAction),
  upcoming: z.array(myAction),
  /** The true size of each group: the lists stop at 500 actions. */
  counts: z.object({ overdue: z.number(), dueToday: z.number(), upcoming: z.number() }),
});
export const remindersAnswer = z.object({ day: z.string(), owners: z.number(), actions: z.number(), failedOwners: z.number() });

/**
 * The call screen's answer. Nested parts are documented loosely (they are the shared domain types:
 * ClientRecord, ClientContract, ScriptStep, GapMatch…); loose objects keep every field they carry.
 */
const loose = z.unknown();
export const followupView = z.looseObject({
  id: z.string(),
  state: z.enum(FOLLOWUP_STATES),
  stateLabel: z.string(),
  block: z.enum(["preparation", "conduite", "rebond", "plan"]),
  version: z.number(),
  cohortMonth: z.string(),
  canOverride: z.boolean(),
  availableEvents: z.array(loose).describe("Boutons de l'étape, désactivés avec leur motif et ce qui manque"),
  client: loose,
  contracts: z.array(loose),
  preparation: z.array(loose).describe("Checklist priorisée « à compléter / à valider »"),
  checklist: z.array(loose),
  tns: loose.describe("Passage en client pro / TNS : requis ?, chargé de clientèle proposé"),
  script: z.looseObject({ variant: loose, steps: z.array(loose) }),
  gaps: z.array(loose).describe("Les 3 manques prioritaires, avec leur « pourquoi »"),
  recorded: loose,
  team: loose,
  history: z.array(loose),
});
