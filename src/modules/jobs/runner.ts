import type { Clock } from "../../platform/clock";
import type { Db } from "../../platform/db/client";
import { enqueueJobs, type JobRequest } from "./enqueue-job";
import { type JobHandler, runDueJobs } from "./run-due-jobs";

export interface JobRunnerOptions {
  clock: Clock;
  handlers: readonly JobHandler[];
  /** The recurring jobs due at `now` (this month's campaign, today's reminders), queued idempotently. */
  schedule?: (now: Date) => JobRequest[];
  intervalMs?: number;
  onError?: (e: unknown) => void;
}

/**
 * Polls the jobs table every few seconds: schedules the recurring jobs, then runs whatever is due.
 * Several processes may run it at once (SKIP LOCKED, dedupe keys). Returns a stop function that
 * waits for the job in progress, so shutdown never cuts a campaign in the middle, but not for the
 * jobs still due after it (thousands of sale deliveries after a burst kept a stopping server alive for
 * minutes, past any orchestrator's grace period).
 */
export function startJobRunner(db: Db, opts: JobRunnerOptions): () => Promise<void> {
  const onError = opts.onError ?? (() => {});
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (opts.schedule) await enqueueJobs(db, opts.schedule(opts.clock()));
    await runDueJobs(db, opts.handlers, { now: opts.clock, onError: (e) => onError(e), stopping: () => stopped });
  };
  const poll = () => {
    // Ticks never overlap: a slow job delays the next poll instead of starting a second runner.
    running = running.then(() => (stopped ? undefined : tick())).catch(onError);
  };
  const timer = setInterval(poll, opts.intervalMs ?? 5_000);
  timer.unref();
  poll();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
