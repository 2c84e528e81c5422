import { z } from "zod";
import { REVIEW_STATUS_OPTIONS } from "../../shared/crm/checklist";
import { CONTACT_CARD_CHANNELS } from "../../shared/followup/closing";
import { CONTACT_CHANNEL_OPTIONS } from "../../shared/followup/contact";
import { ACTION_KIND_OPTIONS } from "../../shared/followup/model";
import { productLineSchema } from "../../shared/followup/schemas";
import { FOLLOWUP_STATES } from "../../shared/followup/workflow";
import { MONTH_PATTERN } from "./months";

/** Request and response shapes of the follow-up API, one per endpoint; the business rules stay in the use-cases. */

const values = <T extends string>(options: readonly { value: T }[]) => options.map((o) => o.value) as [T, ...T[]];
const text = (max: number) => z.string().trim().max(max);

export const idParams = z.object({ id: z.uuid() });
export const month = z.string().regex(MONTH_PATTERN, "mois attendu au format AAAA-MM");

export const transitionBody = z.object({
  // Any string: an event outside the table is the workflow's refusal (409), not a malformed request.
  event: z.string().min(1).max(60),
  expectedVersion: z.number().int().min(0),
  override: z.object({ reason: text(1000) }).optional(),
  contact: z.object({ name: text(200).nullish(), channel: z.enum(values(CONTACT_CHANNEL_OPTIONS)).nullish() }).optional(),
  callbackAt: z.iso.datetime({ offset: true }).optional(),
  note: text(2000).nullish(),
});

export const checklistReviewsBody = z.object({
  reviews: z
    .array(
      z.object({
        key: z.string().min(1).max(60),
        status: z.enum(values(REVIEW_STATUS_OPTIONS)),
        value: z
          .union([
            z.string().max(300),
            z.number(),
            z.object({ addressLine: text(200).nullish(), postalCode: text(10).nullish(), city: text(100).nullish() }),
          ])
          .nullish(),
      }),
    )
    .min(1)
    .max(40),
});

export const actionPlanBody = z.object({
  actions: z
    .array(
      z.object({
        kind: z.enum(values(ACTION_KIND_OPTIONS)),
        productLine: productLineSchema.nullish(),
        dueDate: z.iso.date(),
        ownerId: z.uuid(),
        note: text(2000).nullish(),
      }),
    )
    .max(20),
  noActionReason: text(1000).nullish(),
});

export const callbackBody = z.object({ callbackAt: z.iso.datetime({ offset: true }) });
export const contactCardBody = z.object({ channel: z.enum(values(CONTACT_CARD_CHANNELS)), version: z.enum(["4.0", "3.0"]).optional() });
export const tnsBody = z.object({ accountManagerId: z.uuid() });

export const writeAnswer = z.object({ id: z.string(), state: z.enum(FOLLOWUP_STATES), version: z.number() });

export const listQuery = z.object({
  assignee: z.union([z.enum(["me", "all"]), z.uuid()]).default("me"),
  state: z.enum([...FOLLOWUP_STATES, "open"]).optional(),
  month: month.optional(),
  /** The follow-up of one client (there is at most one), for the client record's link to its call. */
  client: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

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
export const measuresQuery = z.object({ from: month.optional(), to: month.optional() });
export const measuresAnswer = z.object({
  from: z.string(),
  to: z.string(),
  total: measureRow.nullable(),
  byMonth: z.array(measureRow),
  byAgency: z.array(measureRow),
  byManager: z.array(measureRow),
});

export const campaignBody = z.object({ month: month.optional() });
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
