import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** Background work run from the database (monthly campaign, reminders): FOR UPDATE SKIP LOCKED, no Redis. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    /** Makes scheduling idempotent: the same campaign month is queued once. */
    dedupeKey: text("dedupe_key").notNull(),
    payload: jsonb("payload").notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["queued", "running", "done", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    result: jsonb("result"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_kind_dedupe_idx").on(t.kind, t.dedupeKey),
    // The claim reads the queue's head through these, in order: the done jobs (most of the table) are never read.
    index("jobs_queued_idx").on(t.runAt, t.id).where(sql`status = 'queued'`),
    index("jobs_running_idx").on(t.lockedAt, t.id).where(sql`status = 'running'`),
  ],
);
