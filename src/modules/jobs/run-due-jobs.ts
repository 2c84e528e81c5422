import { sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock";
import type { Db } from "../../platform/db/client";
import { preparedRows } from "../../platform/db/prepared-rows";
import { jobs } from "./schema";

export interface JobContext {
  db: Db;
  now: Date;
  jobId: number;
}

export interface JobHandler {
  kind: string;
  run(payload: Record<string, unknown>, ctx: JobContext): Promise<unknown>;
  /** Tries before the job is left as failed; each retry waits longer (1, 4, 9… minutes). */
  maxAttempts?: number;
  /**
   * Due jobs of this kind are claimed and run together, up to `size` at a time, as one job whose payload
   * `merge` makes of theirs. For work that costs per run more than per item: a burst of marketplace
   * purchases queues one sale delivery each, and delivering 25 sales takes the same two statements as one.
   * The run must be idempotent per item, since a failure retries every job of the batch.
   */
  batch?: { size: number; merge(payloads: Record<string, unknown>[]): Record<string, unknown> };
}

export interface ClaimedJob {
  id: number;
  kind: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * A job left "running" this long was held by a process that died (deploy, crash): it is claimable
 * again. Longer than any job we run (the monthly campaign takes seconds).
 */
const STALE_LOCK = "15 minutes";

/**
 * Takes one due job. SKIP LOCKED lets any number of runners poll the same table: each claims a
 * different row and none waits on another's transaction. A queued job first, read in order from its
 * partial index; only when none is due, a job whose runner died (the second sub-select runs only then).
 * One condition with an OR over both read and sorted every due job at each claim: 4.1 ms of PostgreSQL
 * a claim with a few thousand sale deliveries waiting (bench:market), 0.54 ms from the indexes (decision 012).
 */
export async function claimNextJob(db: Db, kinds: readonly string[], now: Date): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  const kindList = sql.param([...kinds]);
  const result = await preparedRows<ClaimedJob>(
    db,
    "jobs.claim",
    sql`
    update ${jobs} set status = 'running', locked_at = ${now}, attempts = attempts + 1
     where id = coalesce(
       (select id from ${jobs}
         where status = 'queued' and run_at <= ${now} and kind = any(${kindList}::text[])
         order by run_at, id limit 1 for update skip locked),
       (select id from ${jobs}
         where status = 'running' and locked_at < ${now}::timestamptz - ${STALE_LOCK}::interval and kind = any(${kindList}::text[])
         order by locked_at, id limit 1 for update skip locked))
    returning id::int as id, kind, dedupe_key as "dedupeKey", payload, attempts`,
  );
  return result[0] ?? null;
}

/** Up to `count` more queued jobs of one kind, due now, for a handler that runs them in batches. */
async function claimMoreJobs(db: Db, kind: string, count: number, now: Date): Promise<ClaimedJob[]> {
  if (count <= 0) return [];
  const claimed = await preparedRows<ClaimedJob>(
    db,
    "jobs.claim-more",
    sql`
    update ${jobs} set status = 'running', locked_at = ${now}, attempts = attempts + 1
     where id in (
       select id from ${jobs}
        where status = 'queued' and run_at <= ${now} and kind = ${kind}
        order by run_at, id limit ${count} for update skip locked)
    returning id::int as id, kind, dedupe_key as "dedupeKey", payload, attempts`,
  );
  // RETURNING keeps no order: the batch runs its jobs in the order they were queued.
  return claimed.sort((a, b) => a.id - b.id);
}

async function finishJobs(db: Db, ids: readonly number[], now: Date, result: unknown) {
  await preparedRows(
    db,
    "jobs.finish",
    sql`
    update ${jobs} set status = 'done', finished_at = ${now}, locked_at = null, last_error = null,
           result = ${JSON.stringify(result ?? null)}::jsonb
     where id = any(${sql.param([...ids])}::bigint[])`,
  );
}

async function failJob(db: Db, job: ClaimedJob, maxAttempts: number, now: Date, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= maxAttempts;
  const retryAt = new Date(now.getTime() + job.attempts * job.attempts * 60_000);
  await db.execute(sql`
    update ${jobs} set status = ${final ? "failed" : "queued"}, locked_at = null, last_error = ${message.slice(0, 2000)},
           run_at = ${final ? now : retryAt}, finished_at = ${final ? now : null}
     where id = ${job.id}`);
}

/**
 * Runs due jobs until none is left (or `limit` ran), `lanes` at a time: each lane claims its own job and
 * runs it, so one slow job (a mail server taking its time) does not hold up the others. A handler's
 * failure is recorded on its row and never stops its lane: the next job still runs. A handler with a
 * `batch` gets the claimed job's fellows of the same kind with it, in one run.
 */
export async function runDueJobs(
  db: Db,
  handlers: readonly JobHandler[],
  opts: { now: Clock; limit?: number; lanes?: number; onError?: (e: unknown, job: ClaimedJob) => void; stopping?: () => boolean },
): Promise<number> {
  const byKind = new Map(handlers.map((h) => [h.kind, h]));
  const clock = opts.now;
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  let ran = 0;
  const lane = async () => {
    // A stopping process finishes the jobs in hand and leaves the rest to the next start (or another instance).
    while (ran < limit && !opts.stopping?.()) {
      ran++;
      const job = await claimNextJob(db, [...byKind.keys()], clock());
      if (!job) {
        ran--;
        return;
      }
      const handler = byKind.get(job.kind) as JobHandler;
      const batch = handler.batch
        ? [job, ...(await claimMoreJobs(db, job.kind, Math.min(handler.batch.size, limit - ran + 1) - 1, clock()))]
        : [job];
      ran += batch.length - 1;
      const payload = handler.batch && batch.length > 1 ? handler.batch.merge(batch.map((j) => j.payload)) : job.payload;
      try {
        const result = await handler.run(payload, { db, now: clock(), jobId: job.id });
        await finishJobs(
          db,
          batch.map((j) => j.id),
          clock(),
          result,
        );
      } catch (e) {
        opts.onError?.(e, job);
        for (const claimed of batch) await failJob(db, claimed, handler.maxAttempts ?? 3, clock(), e);
      }
    }
  };
  // Settled, not all: when one lane fails (the database gone), the others still finish the jobs in their hands.
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, opts.lanes ?? 1) }, lane));
  const failed = lanes.find((l) => l.status === "rejected");
  if (failed) throw failed.reason;
  return ran;
}
