import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import type { JobHandler, JobRequest } from "../jobs";

/**
 * A webhook delivery's body is a copy of the prospect's contact, sent to the broker's own system. Once the
 * delivery has ended (delivered, or given up) the copy is only there for the log and a replay, so it is
 * kept 30 days (enough for a broker to notice a problem and replay) and then erased (RGPD: storage
 * limitation): the row stays (when, where, which outcome, the attempts), its body becomes empty and is
 * marked erased. The lead itself stays in the broker's space, where the broker manages it.
 */
export const WEBHOOK_BODY_RETENTION_DAYS = 30;
export const PURGE_WEBHOOK_BODIES_JOB = "delivery.purge-bodies";

export async function purgeWebhookBodies(db: DbOrTx, now: Date): Promise<{ purged: number }> {
  const before = new Date(now.getTime() - WEBHOOK_BODY_RETENTION_DAYS * 86_400_000);
  const rows = await rawRows<{ id: string }>(
    db,
    sql`
      update webhook_deliveries set body = '', body_purged_at = ${now.toISOString()}::timestamptz
       where status <> 'pending' and finished_at < ${before.toISOString()}::timestamptz and body_purged_at is null
      returning id`,
  );
  return { purged: rows.length };
}

/** Every night at 03:00 UTC, once across instances (the job's key is the day). */
export function purgeWebhookBodiesSchedule(now: Date): JobRequest[] {
  const day = now.toISOString().slice(0, 10);
  return [{ kind: PURGE_WEBHOOK_BODIES_JOB, dedupeKey: day, runAt: new Date(`${day}T03:00:00Z`) }];
}

export const purgeWebhookBodiesHandler: JobHandler = {
  kind: PURGE_WEBHOOK_BODIES_JOB,
  maxAttempts: 3,
  run: (_payload, ctx) => purgeWebhookBodies(ctx.db, ctx.now),
};
