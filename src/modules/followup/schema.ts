import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";
import type { ContractValidation } from "../crm/rules/contract-compliance";
import type { ProductLine } from "../crm/rules/product-lines";
import type { TnsResolution } from "../crm/rules/tns";
import { agencies, clients } from "../crm/schema";
import type { ClosingCriteriaRecord } from "./rules/closing";
import type { ActionKind, ReboundRecord } from "./rules/model";
import type { FollowupState } from "./rules/workflow";

export interface ChecklistReview {
  status: "confirmed" | "modified" | "not_provided";
  before?: unknown;
  after?: unknown;
  by: string;
  at: string;
}

/** One M+3 follow-up per client, ever: the campaign creates it, the call workflow moves it. */
export const followups = pgTable(
  "followups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    assignedTo: uuid("assigned_to").references(() => users.id),
    /** Campaign month (first day): the month the follow-up is due, M+3 after the first contract's month. */
    cohortMonth: date("cohort_month").notNull(),
    firstContractStart: date("first_contract_start").notNull(),
    /** Contracts of ours when the follow-up was created: the "before" of the taux d'équipement. */
    contractsAtStart: integer("contracts_at_start").notNull(),
    /**
     * Contracts of ours now: the "after". Kept by triggers on contracts (migration 0005) so the measures
     * read one column instead of counting contracts per follow-up (p95 < 100 ms on 100,000 clients).
     */
    contractsNow: integer("contracts_now").notNull().default(0),
    state: text("state").$type<FollowupState>().notNull().default("preparation"),
    /** Optimistic concurrency: a transition names the version it was computed from. */
    version: integer("version").notNull().default(0),
    checklistReviews: jsonb("checklist_reviews").$type<Record<string, ChecklistReview>>().notNull().default({}),
    contractValidations: jsonb("contract_validations").$type<ContractValidation[]>().notNull().default([]),
    rebound: jsonb("rebound").$type<ReboundRecord>(),
    /** Gaps retained in the rebound (the opportunities), copied out of the JSON for the measures' index. */
    retainedGaps: smallint("retained_gaps").notNull().default(0),
    noActionReason: text("no_action_reason"),
    /** How a detected TNS was settled before the rebound: record switched to pro / TNS, or set aside with a reason. */
    tnsResolution: jsonb("tns_resolution").$type<TnsResolution>(),
    closing: jsonb("closing").$type<ClosingCriteriaRecord>(),
    callbackAt: timestamp("callback_at", { withTimezone: true }),
    /** Set the first time the client is reached (client available): feeds the reach rate. */
    reachedAt: timestamp("reached_at", { withTimezone: true }),
    /**
     * Every checklist item confirmed or modified (none "non communiqué"), kept up to date by the review
     * endpoint so the measures count qualified records with a plain FILTER instead of walking the JSON.
     */
    recordQualified: boolean("record_qualified").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("followups_client_idx").on(t.clientId),
    index("followups_org_cohort_idx").on(t.orgId, t.cohortMonth, t.state),
    // "Mes appels": one agent's follow-ups by state, in list order, read from the index before any row.
    index("followups_assignee_list_idx").on(t.orgId, t.assignedTo, t.state, t.cohortMonth, t.callbackAt, t.id),
    // Covers the measures (every column they read, as keys: drizzle has no INCLUDE): one index-only pass per
    // dashboard query instead of the wide rows and their JSON answers. No id: follow-ups of a cohort share most
    // keys, and B-tree deduplication then keeps the index about 1 MB for 100,000 follow-ups.
    index("followups_measures_idx").on(
      t.orgId,
      t.cohortMonth,
      t.agencyId,
      t.assignedTo,
      t.state,
      t.reachedAt,
      t.recordQualified,
      t.contractsAtStart,
      t.contractsNow,
      t.retainedGaps,
    ),
  ],
);

/** Who did what, when, and what changed, at every step (spec 002 §5.3). Append-only. */
export const followupSteps = pgTable(
  "followup_steps",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    followupId: uuid("followup_id")
      .notNull()
      .references(() => followups.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id").references(() => users.id),
    kind: text("kind").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    overrideReason: text("override_reason"),
    data: jsonb("data").notNull().default({}),
  },
  (t) => [index("followup_steps_followup_idx").on(t.followupId, t.id)],
);

export const followupActions = pgTable(
  "followup_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    followupId: uuid("followup_id")
      .notNull()
      .references(() => followups.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    kind: text("kind").$type<ActionKind>().notNull(),
    productLine: text("product_line").$type<ProductLine>(),
    dueDate: date("due_date").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    note: text("note"),
    /** A callback's reminder is kept when the action plan is rewritten; plan actions are replaced as a whole. */
    origin: text("origin", { enum: ["action_plan", "callback"] })
      .notNull()
      .default("action_plan"),
    status: text("status", { enum: ["open", "done", "cancelled"] })
      .notNull()
      .default("open"),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /**
     * The follow-up's campaign month, agency and assignee, copied by a trigger (migration 0006) on insert and
     * kept in step if the follow-up's change: the measures count actions per group without joining follow-ups.
     */
    followupCohortMonth: date("followup_cohort_month"),
    followupAgencyId: uuid("followup_agency_id"),
    followupAssigneeId: uuid("followup_assignee_id"),
  },
  (t) => [
    index("followup_actions_owner_due_idx").on(t.ownerId, t.status, t.dueDate),
    index("followup_actions_org_due_idx").on(t.orgId, t.status, t.dueDate),
    index("followup_actions_followup_idx").on(t.followupId),
    // The daily reminder sweeps open actions of every organisation by due date.
    index("followup_actions_open_due_idx").on(t.dueDate).where(sql`${t.status} = 'open'`),
    // Covers the measures' action counts (quotes, overdue) per month, agency and assignee: index-only.
    index("followup_actions_measures_idx").on(
      t.orgId,
      t.followupCohortMonth,
      t.followupAgencyId,
      t.followupAssigneeId,
      t.kind,
      t.status,
      t.dueDate,
    ),
  ],
);
