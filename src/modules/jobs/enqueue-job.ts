import type { DbOrTx } from "../../platform/db/client";
import { jobs } from "./schema";

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
  const rows = await db
    .insert(jobs)
    .values(requests.map((r) => ({ kind: r.kind, dedupeKey: r.dedupeKey, payload: r.payload ?? {}, runAt: r.runAt })))
    .onConflictDoNothing({ target: [jobs.kind, jobs.dedupeKey] })
    .returning({ id: jobs.id });
  return rows.length;
}
