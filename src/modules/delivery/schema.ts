import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";
import { leadSales } from "../market/schema";
import { DELIVERY_EVENTS, DELIVERY_STATUSES } from "./rules/vocabulary";

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** In-app notices of a brokerage ("nouveau lead reçu"), one per sale, shown to every user of the brokerage. */
export const brokerNotifications = pgTable(
  "broker_notifications",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    saleId: uuid("sale_id").references(() => leadSales.id),
    leadId: uuid("lead_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: ts("created_at").notNull(),
    /** When the brokerage's e-mail listed it (deliver-mail.ts); null until then. */
    mailedAt: ts("mailed_at"),
  },
  (t) => [
    index("broker_notifications_org_idx").on(t.orgId, t.createdAt.desc()),
    uniqueIndex("broker_notifications_sale_idx").on(t.saleId),
    index("broker_notifications_unmailed_idx").on(t.orgId, t.createdAt).where(sql`mailed_at is null`),
  ],
);

/** How far each user has read his brokerage's notices: unread = created after this instant. */
export const notificationReads = pgTable("notification_reads", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  readUntil: ts("read_until").notNull(),
});

/**
 * The brokerage's webhook: one URL per brokerage. The secret signs every delivery (HMAC-SHA256), so it is
 * kept as is (a hash could not sign); it is shown to the broker once, when created or regenerated.
 */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  enabled: boolean("enabled").notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
  secretCreatedAt: ts("secret_created_at").notNull(),
});

/** One message to a brokerage's webhook (a sale, a test, a replay) and where it stands. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    event: text("event", { enum: DELIVERY_EVENTS }).notNull(),
    saleId: uuid("sale_id").references(() => leadSales.id),
    leadId: uuid("lead_id"),
    /** The delivery this one replays (same body, new signature). */
    replayOf: uuid("replay_of"),
    url: text("url").notNull(),
    /** The exact JSON sent, so that the log shows it and a replay sends the same bytes. */
    body: text("body").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull(),
    finishedAt: ts("finished_at"),
    /** When the body (the prospect's personal data) was erased, WEBHOOK_BODY_RETENTION_DAYS after the delivery ended. */
    bodyPurgedAt: ts("body_purged_at"),
  },
  (t) => [
    index("webhook_deliveries_org_idx").on(t.orgId, t.createdAt.desc()),
    // A sale is delivered once (the job may run twice after a crash); replays and tests are new rows.
    uniqueIndex("webhook_deliveries_sale_idx").on(t.saleId).where(sql`${t.replayOf} is null`),
  ],
);

/** Every HTTP attempt of a delivery: status code (or network error) and duration. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer("attempt").notNull(),
    startedAt: ts("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    ok: boolean("ok").notNull(),
    /** The start of the answer (500 characters), to help the broker debug his endpoint. */
    responseExcerpt: text("response_excerpt"),
  },
  (t) => [uniqueIndex("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);
