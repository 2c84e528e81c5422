import { z } from "zod";
import { type ChecklistItem, type PreparationItem, REVIEW_STATUS_OPTIONS } from "../crm/rules/checklist";
import type { ClientRecord } from "../crm/rules/client-model";
import {
  type ClientContract,
  CONTRACT_VALIDATION_STATUS_OPTIONS,
  type ContractValidation,
  type MissingItem,
  RECOVERY_MODE_OPTIONS,
} from "../crm/rules/contract-compliance";
import { PRODUCT_LINE_KEYS, type ProductLine } from "../crm/rules/product-lines";
import type { TnsDetection, TnsResolution } from "../crm/rules/tns";
import { MONTH_PATTERN } from "./campaign/months";
import { FOLLOWUP_BLOCKS } from "./rules/call-screen";
import { CLOSING_CRITERIA, type ClosingCriteriaRecord, type ClosingCriterionKey, CONTACT_CARD_CHANNELS } from "./rules/closing";
import { CONTACT_CHANNEL_OPTIONS } from "./rules/contact";
import type { GapMatch } from "./rules/gap-engine";
import { ACTION_KIND_OPTIONS, REBOUND_ANSWER_OPTIONS, type ReboundRecord } from "./rules/model";
import type { ScriptStep } from "./rules/script";
import { type AvailableEvent, FOLLOWUP_STATES } from "./rules/workflow";

/**
 * Request and response shapes of the follow-up API, one per endpoint: the routes validate, serialize
 * and document with them, the web derives its types from them (Wire<z.infer<…>>).
 *
 * What the follow-up API accepts is built from the same option lists as the
 * screens. Every object is strict (an unknown key is refused, not ignored: a typo must not look
 * saved) and every field declares its French name, used by validation messages and the OpenAPI page.
 * Shape only: what blocks a step is the guards' call, what makes a recording wrong the use-cases'.
 */

const values = <T extends string>(options: readonly { value: T }[]) => options.map((o) => o.value) as [T, ...T[]];
const text = (max: number) => z.string().trim().max(max);
const choice = <T extends string>(options: readonly { value: T }[], title: string) => z.enum(values(options)).meta({ title });
const productLineEnum = z.enum(PRODUCT_LINE_KEYS as unknown as [ProductLine, ...ProductLine[]]);
const productLine = (title: string) => productLineEnum.meta({ title });

export const idParams = z.strictObject({ id: z.uuid().meta({ title: "l'identifiant du suivi" }) });
export const month = z
  .string()
  .regex(MONTH_PATTERN)
  .meta({ title: "le mois", examples: ["2026-11"] });

export const transitionBody = z.strictObject({
  // Any string: an event outside the table is the workflow's refusal (409), not a malformed request.
  event: z.string().min(1).max(60).meta({ title: "l'étape demandée" }),
  expectedVersion: z.number().int().min(0).meta({ title: "la version du suivi" }),
  override: z
    .strictObject({ reason: text(1000).meta({ title: "le motif" }) })
    .optional()
    .meta({ title: "le forçage" }),
  contact: z
    .strictObject({
      name: text(200).nullish().meta({ title: "la personne jointe" }),
      channel: choice(CONTACT_CHANNEL_OPTIONS, "le canal").nullish(),
    })
    .optional()
    .meta({ title: "le contact" }),
  callbackAt: z.iso.datetime({ offset: true }).optional().meta({ title: "la date et l'heure du rappel" }),
  note: text(2000).nullish().meta({ title: "la note" }),
});

export const checklistReviewsBody = z.strictObject({
  reviews: z
    .array(
      z
        .strictObject({
          key: z.string().min(1).max(60).meta({ title: "le point de la fiche" }),
          status: choice(REVIEW_STATUS_OPTIONS, "la réponse"),
          value: z
            .union([
              z.string().max(300),
              z.number(),
              z.strictObject({
                addressLine: text(200).nullish().meta({ title: "la rue" }),
                postalCode: text(10).nullish().meta({ title: "le code postal" }),
                city: text(100).nullish().meta({ title: "la commune" }),
              }),
            ])
            .nullish()
            .meta({ title: "la nouvelle valeur" }),
        })
        .meta({ title: "le point" }),
    )
    .min(1)
    .max(40)
    .meta({ title: "les points vérifiés" }),
});

export const contractValidationBody = z.strictObject({
  contractId: text(100).min(1).meta({ title: "le contrat" }),
  status: choice(CONTRACT_VALIDATION_STATUS_OPTIONS, "le statut du contrat"),
  missingItems: z
    .array(
      z
        .strictObject({
          kind: z.enum(["document", "signature", "other"]).meta({ title: "la nature de l'élément" }),
          key: text(100).optional().meta({ title: "la référence de l'élément" }),
          label: text(300).min(1).meta({ title: "le libellé de l'élément" }),
          recoveryMode: choice(RECOVERY_MODE_OPTIONS, "le mode de récupération").nullish(),
        })
        .meta({ title: "l'élément manquant" }),
    )
    .max(50)
    .optional()
    .meta({ title: "les éléments manquants" }),
  note: text(2000).nullish().meta({ title: "la note" }),
});

export const reboundBody = z.strictObject({
  lines: z
    .array(
      z
        .strictObject({
          productLine: productLine("la garantie"),
          answer: choice(REBOUND_ANSWER_OPTIONS, "la réponse du client"),
          insurerName: text(200).nullish().meta({ title: "l'assureur" }),
          note: text(2000).nullish().meta({ title: "la note" }),
        })
        .meta({ title: "la ligne" }),
    )
    .max(50)
    .optional()
    .meta({ title: "les contrats chez nous / ailleurs" }),
  noOtherInsurer: z.boolean().nullish().meta({ title: "la réponse « aucun autre assureur »" }),
  // "3 at most" is the use-case's rule, with its own message; the shape only bounds the list.
  retainedGaps: z.array(productLine("le manque retenu")).max(PRODUCT_LINE_KEYS.length).optional().meta({ title: "les manques retenus" }),
});

export const actionPlanBody = z.strictObject({
  actions: z
    .array(
      z
        .strictObject({
          kind: choice(ACTION_KIND_OPTIONS, "le type d'action"),
          productLine: productLine("la garantie").nullish(),
          dueDate: z.iso.date().meta({ title: "la date d'échéance" }),
          ownerId: z.uuid().meta({ title: "le responsable" }),
          note: text(2000).nullish().meta({ title: "la note" }),
        })
        .meta({ title: "l'action" }),
    )
    .max(20)
    .meta({ title: "les actions" }),
  noActionReason: text(1000).nullish().meta({ title: "le motif de l'absence d'action" }),
});

export const closingCriteriaBody = z.strictObject({
  dedicatedContactKnown: z.boolean().nullish().meta({ title: "le critère « interlocuteur dédié »" }),
  contactCardSent: z.boolean().nullish().meta({ title: "le critère « carte de contact envoyée »" }),
  contactCardChannel: choice(CONTACT_CARD_CHANNELS, "le canal de la carte de contact").nullish(),
  recordFullyQualified: z.boolean().nullish().meta({ title: "le critère « fiche client 100 % qualifiée »" }),
  riskZonesAware: z.boolean().nullish().meta({ title: "le critère « zones de risque »" }),
});

export const callbackBody = z.strictObject({
  callbackAt: z.iso.datetime({ offset: true }).meta({ title: "la date et l'heure du rappel" }),
});
export const contactCardBody = z.strictObject({
  channel: choice(CONTACT_CARD_CHANNELS, "le canal d'envoi"),
  version: z.enum(["4.0", "3.0"]).optional().meta({ title: "la version de la vCard" }),
});
export const tnsBody = z.strictObject({ accountManagerId: z.uuid().meta({ title: "le chargé de clientèle" }) });
export const tnsDismissalBody = z.strictObject({
  reason: text(1000).min(1).meta({ title: "le motif pour écarter le statut TNS" }),
});
export const actionParams = z.strictObject({ actionId: z.uuid().meta({ title: "l'identifiant de l'action" }) });
export const campaignBody = z.strictObject({ month: month.optional() });

export const listQuery = z.object({
  assignee: z
    .union([z.enum(["me", "all"]), z.uuid()])
    .default("me")
    .meta({ title: "le chargé de clientèle" }),
  state: z
    .enum([...FOLLOWUP_STATES, "open"])
    .optional()
    .meta({ title: "l'étape" }),
  month: month.optional(),
  /** The follow-up of one client (there is at most one), for the client record's link to its call. */
  client: z.uuid().optional().meta({ title: "le client" }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: "le nombre de suivis" }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).meta({ title: "le décalage" }),
});
export const measuresQuery = z.object({ from: month.optional(), to: month.optional() });

// ---- Answers ----

export const writeAnswer = z.object({ id: z.string(), state: z.enum(FOLLOWUP_STATES), version: z.number() });
export const transitionAnswer = writeAnswer.extend({ from: z.string(), overridden: z.boolean() });

const actionOrigin = z.enum(["action_plan", "callback"]);
const actionKind = z.enum(values(ACTION_KIND_OPTIONS));

export const followupListItemSchema = z.object({
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
export const listAnswer = z.object({
  items: z.array(followupListItemSchema),
  hasMore: z.boolean(),
  counts: z.record(z.string(), z.number()),
});

/** One line of the M+3 measures (a month, an agency, an account manager, or the total). */
export const measureRowSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  due: z.number(),
  notStarted: z.number(),
  inProgress: z.number(),
  closed: z.number(),
  reached: z.number(),
  qualified: z.number(),
  /** Contracts of ours per client when the follow-up was created, and now. */
  contractsBefore: z.number(),
  contractsNow: z.number(),
  /** Share of clients with 2+ / 3+ contracts of ours ("taux d'équipement"), before and now. */
  multi2Before: z.number(),
  multi3Before: z.number(),
  multi2Now: z.number(),
  multi3Now: z.number(),
  /** Gaps retained during the rebound: the commercial opportunities. */
  opportunities: z.number(),
  quotes: z.number(),
  overdueActions: z.number(),
});
export type MeasureRow = z.infer<typeof measureRowSchema>;
export const measuresAnswer = z.object({
  from: z.string(),
  to: z.string(),
  total: measureRowSchema,
  byMonth: z.array(measureRowSchema),
  byAgency: z.array(measureRowSchema),
  byManager: z.array(measureRowSchema),
});

export const campaignAnswer = z.object({ month: z.string(), cohortFrom: z.string(), cohortTo: z.string(), created: z.number() });
export const campaignRunsAnswer = z.object({
  currentMonth: z.string(),
  runs: z.array(z.object({ month: z.string(), status: z.string(), finishedAt: z.date().nullable(), created: z.number().nullable() })),
});

export const myActionSchema = z.object({
  id: z.string(),
  followupId: z.string(),
  kind: actionKind,
  kindLabel: z.string(),
  origin: actionOrigin,
  productLine: productLineEnum.nullable(),
  dueDate: z.string(),
  note: z.string().nullable(),
  clientId: z.string(),
  clientName: z.string(),
  clientPhone: z.string().nullable(),
});
export const myActionsAnswer = z.object({
  today: z.string(),
  overdue: z.array(myActionSchema),
  dueToday: z.array(myActionSchema),
  upcoming: z.array(myActionSchema),
  /** The true size of each group: the lists stop at 500 actions. */
  counts: z.object({ overdue: z.number(), dueToday: z.number(), upcoming: z.number() }),
});
export const remindersAnswer = z.object({ day: z.string(), owners: z.number(), actions: z.number(), failedOwners: z.number() });

/**
 * The call screen's answer. The parts that are the shared domain types (ClientRecord, ClientContract,
 * ScriptStep, GapMatch…, declared in the rules) are typed by them and documented loosely.
 */
const domain = <T>(description?: string) => (description ? z.custom<T>().describe(description) : z.custom<T>());

const storedReviewSchema = z.object({
  status: z.enum(values(REVIEW_STATUS_OPTIONS)),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  by: z.string(),
  at: z.string(),
});
const viewClientSchema = domain<
  ClientRecord & {
    id: string;
    displayName: string;
    companyName: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    agencyName: string | null;
    accountManagerName: string | null;
  }
>();
const viewContractSchema = domain<
  ClientContract & { productLabel: string; sellerName: string | null; premiumCents: number | null; proposedMissingItems: MissingItem[] }
>();
const viewActionSchema = z.object({
  id: z.string(),
  kind: actionKind,
  origin: actionOrigin,
  productLine: productLineEnum.nullable(),
  dueDate: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(["open", "done", "cancelled"]),
});
const historyEntrySchema = z.object({
  id: z.number(),
  at: z.date(),
  kind: z.string(),
  fromState: z.enum(FOLLOWUP_STATES).nullable(),
  toState: z.enum(FOLLOWUP_STATES).nullable(),
  overrideReason: z.string().nullable(),
  userName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
const teamMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  firstName: z.string(),
  agencyId: z.string().nullable(),
  handlesProfessionals: z.boolean(),
});

export const followupViewSchema = z.object({
  id: z.string(),
  state: z.enum(FOLLOWUP_STATES),
  stateLabel: z.string(),
  block: z.enum(FOLLOWUP_BLOCKS),
  version: z.number(),
  cohortMonth: z.string(),
  firstContractStart: z.string(),
  contractsAtStart: z.number(),
  assignedTo: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  callbackAt: z.date().nullable(),
  reachedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  canOverride: z.boolean(),
  availableEvents: z.array(domain<AvailableEvent>()).describe("Boutons de l'étape, désactivés avec leur motif et ce qui manque"),
  client: viewClientSchema,
  contracts: z.array(viewContractSchema),
  preparation: z.array(domain<PreparationItem>()).describe("Checklist priorisée « à compléter / à valider »"),
  checklist: z.array(domain<ChecklistItem & { value: unknown; review: z.infer<typeof storedReviewSchema> | null }>()),
  recordFullyQualified: z.boolean(),
  tns: z
    .object({
      /** A TNS the record does not say yet, with why it is thought so. */
      detection: domain<TnsDetection>().nullable(),
      /** Still to settle before the rebound. */
      required: z.boolean(),
      resolution: domain<TnsResolution>().nullable(),
      currentManagerId: z.string().nullable(),
      proposedManagerId: z.string().nullable(),
      currentHandlesProfessionals: z.boolean(),
      options: z.array(z.object({ id: z.string(), name: z.string(), agencyName: z.string() })),
    })
    .describe("Passage en client pro / TNS : requis ?, chargé de clientèle proposé"),
  script: z.object({
    variant: z.object({
      seller: z.enum(["agent", "colleague"]),
      sellerName: z.string().nullable(),
      availability: z.enum(["available", "callback"]),
      callbackAt: z.string().nullable(),
    }),
    steps: z.array(domain<ScriptStep & { status: "done" | "current" | "upcoming" | "skipped" }>()),
  }),
  gaps: z.array(domain<GapMatch>()).describe("Les 3 manques prioritaires, avec leur « pourquoi »"),
  recorded: z.object({
    contractValidations: z.array(domain<ContractValidation>()),
    rebound: domain<ReboundRecord>().nullable(),
    noActionReason: z.string().nullable(),
    actions: z.array(viewActionSchema),
    closing: domain<ClosingCriteriaRecord>(),
    closingMissing: z.array(z.enum(CLOSING_CRITERIA.map((c) => c.key) as [ClosingCriterionKey, ...ClosingCriterionKey[]])),
  }),
  team: z.object({
    members: z.array(teamMemberSchema),
    agencies: z.array(z.object({ id: z.string(), name: z.string(), brand: z.string().nullable() })),
  }),
  history: z.array(historyEntrySchema),
});
export type FollowupView = z.infer<typeof followupViewSchema>;
