import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only journal. Writers only INSERT here (inside their own transaction, so an event exists
 * exactly when the change it records does); the database refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    orgId: uuid("org_id"),
    userId: uuid("user_id"),
    apiKeyId: uuid("api_key_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    data: jsonb("data").notNull().default({}),
    /** `keyId.nonce.tag`: the application's HMAC over every other column but the id (event-mac.ts). */
    mac: text("mac"),
  },
  (t) => [index("audit_events_entity_idx").on(t.entityType, t.entityId), index("audit_events_org_idx").on(t.orgId, t.id)],
);

/**
 * The hash chain, kept apart from the events so that sealing (one writer at a time) never sits on the
 * intake path: a sealer appends links for new events in batches. Same immutability triggers. The last
 * link of each batch carries the checkpoint signed for it (also appended to the checkpoint files outside
 * the database), so that a lead's proof can check its part of the chain up to a signed head.
 */
export const auditChain = pgTable(
  "audit_chain",
  {
    position: bigserial("position", { mode: "number" }).primaryKey(),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => auditEvents.id),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull().defaultNow(),
    checkpointAt: timestamp("checkpoint_at", { withTimezone: true, precision: 3 }),
    checkpointMac: text("checkpoint_mac"),
  },
  (t) => [index("audit_chain_checkpoints_idx").on(t.position).where(sql`${t.checkpointMac} is not null`)],
);
