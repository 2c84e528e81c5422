import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";

export interface JobRequest {
  kind: string;
  /** Same kind + key = same job: scheduling twice (two processes, a restart) queues it once. */
  dedupeKey: string;
  payload?: Record<string, unknown>;
  runAt: Date;
}

/** Queues the jobs not queued yet; returns how many were new. Cheap enough to call on every poll. */
export async function enqueueJobs(db: DbOrTx, requests: readonly JobRequest[]): Promise<number> {
  if (requests.length === 0) return 0;
  return (await rawRows(db, enqueueJobsSql(requests))).length;
}

/**
 * The insert that queues jobs, for a caller that makes it part of a larger statement (a CTE): the job is
 * promised exactly when that statement's writes commit, and only if `when` holds in it (say, a sibling
 * CTE wrote a row). `when` may name the job it is about as `j` (`j.kind`, `j.dedupe_key`). Returns one
 * row per new job.
 */
export function enqueueJobsSql(requests: readonly JobRequest[], when: SQL = sql`true`): SQL {
  return sql`
    insert into jobs (kind, dedupe_key, payload, run_at)
    select kind, dedupe_key, payload::jsonb, run_at
    from unnest(${sql.param(requests.map((r) => r.kind))}::text[], ${sql.param(requests.map((r) => r.dedupeKey))}::text[],
                ${sql.param(requests.map((r) => JSON.stringify(r.payload ?? {})))}::text[],
                ${sql.param(requests.map((r) => r.runAt.toISOString()))}::timestamptz[]) as j(kind, dedupe_key, payload, run_at)
    where ${when}
    on conflict (kind, dedupe_key) do nothing
    returning id`;
}
