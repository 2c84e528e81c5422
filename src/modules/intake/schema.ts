import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";
import { consentTexts } from "../consent/schema";
import { IMPORT_STATUSES, LEAD_CHANNELS, LEAD_STATUSES } from "./rules/lead-states";
import { LEAD_SUBMISSION_TYPES } from "./rules/lead-submission";
import type { RejectionReason } from "./rules/rejection";

export type { LeadChannel } from "./rules/lead-states";

export const csvImports = pgTable(
  "csv_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    supplierOrgId: uuid("supplier_org_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id").references(() => users.id),
    product: text("product").notNull(),
    filename: text("filename").notNull(),
    sizeBytes: integer("size_bytes"),
    /** interrupted: its server stopped during the import (rows stored so far kept); the same file sent again resumes it. */
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("pending"),
    /** Refreshed while an instance runs the import: a running import whose heartbeat stops was interrupted. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    /** sha256 of the header and the first row: tells the same file sent again to resume from another one. */
    fingerprint: text("fingerprint"),
    bytesRead: integer("bytes_read").notNull().default(0),
    totalRows: integer("total_rows").notNull().default(0),
    accepted: integer("accepted").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("csv_imports_org_idx").on(t.supplierOrgId, t.createdAt)],
);

// node-postgres reads bytea as a Buffer, PGlite as a Uint8Array: both become a Buffer.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({ dataType: () => "bytea", fromDriver: (v) => Buffer.from(v) });
// Any JSON value, as sent. Both drivers hand jsonb over parsed; drizzle's jsonb() parses a string a second
// time, which reads the JSON string "42" sent as a batch item as the number 42.
const sentJson = customType<{ data: unknown; driverData: unknown }>({ dataType: () => "jsonb", toDriver: (v) => JSON.stringify(v) });

/**
 * Every submission, accepted or rejected: nothing a supplier sent is lost. `payload` keeps it as sent
 * (the JSON body, or the CSV record), the typed columns keep it as understood. When the database cannot
 * hold what was sent exactly (NUL, bytes that are not UTF-8, nesting past the limit), `payload` is a
 * readable copy and `payload_raw` the exact bytes (stored-payload.ts).
 */
export const leads = pgTable(
  "leads",
  {
    id: uuid("id").primaryKey(),
    supplierOrgId: uuid("supplier_org_id")
      .notNull()
      .references(() => organisations.id),
    product: text("product").notNull(),
    type: text("type", { enum: LEAD_SUBMISSION_TYPES }).notNull().default("lead"),
    status: text("status", { enum: LEAD_STATUSES }).notNull(),
    reasons: jsonb("reasons").$type<RejectionReason[]>().notNull().default([]),
    channel: text("channel", { enum: LEAD_CHANNELS }).notNull(),
    externalRef: text("external_ref"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: text("phone"),
    email: text("email"),
    postalCode: text("postal_code"),
    city: text("city"),
    departement: text("departement"),
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull().default({}),
    payload: sentJson("payload").notNull(),
    payloadRaw: bytea("payload_raw"),
    importId: uuid("import_id").references(() => csvImports.id),
    importRow: integer("import_row"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("leads_supplier_created_idx").on(t.supplierOrgId, t.createdAt),
    // Each probe can use only its own index: a partial index serves a query only if the query implies its
    // predicate, and `phone = $1` implies `phone is not null` but says nothing of the e-mail. Without that,
    // on a young table (statistics saying "tiny") both indexes cost the same to the planner, and the phone
    // probe walked the e-mail index over every lead of the product: at 100,000 imported rows the duplicate
    // check took 58 ms a batch instead of 4 ms, and the CSV import fell from 7,000 to 3,600 rows/s.
    index("leads_dup_phone_idx").on(t.phone, t.product, t.createdAt).where(sql`${t.status} = 'accepted' and ${t.phone} is not null`),
    index("leads_dup_email_idx").on(t.email, t.product, t.createdAt).where(sql`${t.status} = 'accepted' and ${t.email} is not null`),
    index("leads_import_idx").on(t.importId, t.importRow),
  ],
);

/** The consent proof of an accepted lead (1:1), with a fingerprint that makes later tampering visible. */
export const leadConsents = pgTable("lead_consents", {
  leadId: uuid("lead_id")
    .primaryKey()
    .references(() => leads.id),
  method: text("method", { enum: ["checkbox", "oral"] }).notNull(),
  prechecked: boolean("prechecked").notNull(),
  consentTextId: uuid("consent_text_id")
    .notNull()
    .references(() => consentTexts.id),
  textVersion: text("text_version").notNull(),
  textSha256: text("text_sha256").notNull(),
  collectedAt: timestamp("collected_at", { withTimezone: true, precision: 3 }).notNull(),
  ip: text("ip"),
  userAgent: text("user_agent"),
  sourceUrl: text("source_url"),
  callCenter: text("call_center"),
  agent: text("agent"),
  recordingRef: text("recording_ref"),
  fingerprint: text("fingerprint").notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull(),
});

/** People who opted out: a lead for them is rejected whatever its consent says. */
export const suppressionList = pgTable(
  "suppression_list",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone"),
    email: text("email"),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("suppression_phone_idx").on(t.phone).where(sql`${t.phone} is not null`),
    uniqueIndex("suppression_email_idx").on(t.email).where(sql`${t.email} is not null`),
  ],
);

/** First answer to a request sent with an Idempotency-Key, replayed on retries. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    orgId: uuid("org_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

/**
 * Accepted leads not yet offered to the brokers: written with the lead (store-leads.ts), taken by the
 * marketplace's router (claimAcceptedLeads) in the transaction that sells or stocks them.
 */
export const intakeBacklog = pgTable("intake_backlog", {
  // No foreign key to leads, as for the stock (market_listings): a backlog row is written in the very
  // statement that writes its lead, leads refuse DELETE (evidence), and the router reads the lead itself
  // (an id without its lead would route nothing). The key's check locked each new lead row once more:
  // a tuple lock written to the lead's page and to the WAL, for every accepted lead (decision 006).
  leadId: uuid("lead_id").primaryKey(),
});
