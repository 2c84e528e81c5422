import { z } from "zod";
import { CHECKLISTS, REVIEW_STATUS_OPTIONS } from "../crm/checklist";
import { CONTRACT_VALIDATION_STATUS_OPTIONS, RECOVERY_MODE_OPTIONS } from "../crm/contract-compliance";
import { PRODUCT_LINE_KEYS } from "../crm/product-lines";
import { CONTACT_CARD_CHANNELS } from "./closing";
import { ACTION_KIND_OPTIONS, REBOUND_ANSWER_OPTIONS } from "./model";
import { FOLLOWUP_EVENTS } from "./workflow";

/**
 * Wire schemas of what the agent records during an M+3, built from the same option lists as the
 * UI so a slug added on one side cannot be rejected by the other. Shape only: the business rules
 * (what blocks a step) stay in the guards.
 */

function enumOf<T extends string>(values: readonly T[]) {
  return z.enum(values as unknown as [T, ...T[]]);
}

const text = (max: number) => z.string().trim().max(max);

export const productLineSchema = enumOf(PRODUCT_LINE_KEYS);

const CHECKLIST_KEYS = [...new Set(Object.values(CHECKLISTS).flatMap((items) => items.map((i) => i.key)))];

export const checklistReviewsSchema = z.partialRecord(enumOf(CHECKLIST_KEYS), enumOf(REVIEW_STATUS_OPTIONS.map((o) => o.value)));

export const missingItemSchema = z.object({
  kind: z.enum(["document", "signature", "other"]),
  key: text(100).optional(),
  label: text(300).min(1),
  recoveryMode: enumOf(RECOVERY_MODE_OPTIONS.map((o) => o.value)).nullish(),
});

export const contractValidationSchema = z.object({
  contractId: text(100).min(1),
  status: enumOf(CONTRACT_VALIDATION_STATUS_OPTIONS.map((o) => o.value)),
  missingItems: z.array(missingItemSchema).max(50).optional(),
  note: text(2000).nullish(),
});

export const callbackSchema = z.object({ callbackAt: z.iso.datetime({ offset: true }) });

export const reboundRecordSchema = z.object({
  lines: z
    .array(
      z.object({
        productLine: productLineSchema,
        answer: enumOf(REBOUND_ANSWER_OPTIONS.map((o) => o.value)),
        insurerName: text(200).nullish(),
        note: text(2000).nullish(),
      }),
    )
    .max(50)
    .optional(),
  noOtherInsurer: z.boolean().nullish(),
  // The "max 3" guard-rail is a guard (overridable by a manager), not a shape constraint.
  retainedGaps: z.array(productLineSchema).max(PRODUCT_LINE_KEYS.length).optional(),
});

export const plannedActionSchema = z.object({
  kind: enumOf(ACTION_KIND_OPTIONS.map((o) => o.value)),
  productLine: productLineSchema.nullish(),
  dueDate: z.iso.date().nullish(),
  ownerId: text(100).nullish(),
  note: text(2000).nullish(),
});

export const actionPlanSchema = z.object({
  actions: z.array(plannedActionSchema).max(20).optional(),
  noActionReason: text(1000).nullish(),
});

export const closingCriteriaSchema = z.object({
  dedicatedContactKnown: z.boolean().nullish(),
  contactCardSent: z.boolean().nullish(),
  contactCardChannel: enumOf(CONTACT_CARD_CHANNELS.map((o) => o.value)).nullish(),
  recordFullyQualified: z.boolean().nullish(),
  riskZonesAware: z.boolean().nullish(),
});

/** The role comes from the session, never from the body: only the reason travels. */
export const transitionRequestSchema = z.object({
  event: enumOf(FOLLOWUP_EVENTS),
  overrideReason: text(1000).min(1).optional(),
});

export type TransitionRequest = z.infer<typeof transitionRequestSchema>;
