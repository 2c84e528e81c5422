import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";
import { clients } from "../crm/schema";
import { leads } from "../intake/schema";
import { LEAD_TYPES, SALE_CHANNELS } from "../market/rules/sale-terms";
import { RETURN_REASONS, RETURN_STATUSES } from "./rules/returns";
import { LOST_REASONS, WORK_STATUSES } from "./rules/work-status";

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The buying brokerage's row for each lead or RDV it bought: where it stands with it (changed in place;
 * every change is an audit event, which is the history) and a copy of what its list filters and searches
 * on, so the list of one brokerage is read from one table and its indexes. A trigger on lead_sales creates
 * the row in the sale's own transaction, whatever sold the lead (routing, marketplace credits or card).
 * The sale itself is evidence in lead_sales; this table is not.
 */
export const leadWork = pgTable(
  "lead_work",
  {
    leadId: uuid("lead_id")
      .primaryKey()
      .references(() => leads.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    saleId: uuid("sale_id").notNull(),
    soldAt: ts("sold_at").notNull(),
    channel: text("channel", { enum: SALE_CHANNELS }).notNull(),
    priceCents: integer("price_cents").notNull(),
    product: text("product").notNull(),
    leadType: text("lead_type", { enum: LEAD_TYPES }).notNull(),
    departement: text("departement"),
    /** lower(last name), lower(first name) and the E.164 phone: the search's prefixes. */
    lastNameKey: text("last_name_key"),
    firstNameKey: text("first_name_key"),
    phone: text("phone"),
    status: text("status", { enum: WORK_STATUSES }).notNull().default("nouveau"),
    lostReason: text("lost_reason", { enum: LOST_REASONS }),
    note: text("note"),
    /** Calls that did not reach the prospect: what a return for "injoignable" rests on. */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    clientId: uuid("client_id").references(() => clients.id),
    statusChangedAt: ts("status_changed_at").notNull(),
    changedBy: uuid("changed_by").references(() => users.id),
  },
  (t) => [
    index("lead_work_org_sold_idx").on(t.orgId, t.soldAt),
    index("lead_work_org_status_idx").on(t.orgId, t.status, t.soldAt),
    index("lead_work_org_product_idx").on(t.orgId, t.product, t.soldAt),
    index("lead_work_org_departement_idx").on(t.orgId, t.departement, t.soldAt),
    index("lead_work_org_last_name_idx").on(t.orgId, sql`${t.lastNameKey} text_pattern_ops`),
    index("lead_work_org_first_name_idx").on(t.orgId, sql`${t.firstNameKey} text_pattern_ops`),
    index("lead_work_org_phone_idx").on(t.orgId, sql`${t.phone} text_pattern_ops`),
    check("lead_work_lost_reason", sql`(${t.status} = 'perdu') = (${t.lostReason} is not null)`),
  ],
);

/**
 * A return ("contestation") of a bought lead: one per lead. The operator's decision is final; an accepted
 * return refunds the sale's price in credits (ledger kind "refund", referenced by the return id) and flags
 * the lead as returned in its supplier's quality figures. Each step is an audit event.
 */
export const leadReturns = pgTable(
  "lead_returns",
  {
    id: uuid("id").primaryKey(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    saleId: uuid("sale_id").notNull(),
    /** The supplier whose lead it is: its quality figures count returns. */
    supplierOrgId: uuid("supplier_org_id")
      .notNull()
      .references(() => organisations.id),
    reason: text("reason", { enum: RETURN_REASONS }).notNull(),
    note: text("note"),
    status: text("status", { enum: RETURN_STATUSES }).notNull().default("pending"),
    priceCents: integer("price_cents").notNull(),
    requestedAt: ts("requested_at").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    decidedAt: ts("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionComment: text("decision_comment"),
  },
  (t) => [
    uniqueIndex("lead_returns_lead_idx").on(t.leadId),
    index("lead_returns_status_idx").on(t.status, t.requestedAt),
    index("lead_returns_org_idx").on(t.orgId, t.requestedAt),
    index("lead_returns_supplier_idx").on(t.supplierOrgId, t.requestedAt),
  ],
);
