import type { Clock } from "../../platform/clock";
import type { Db } from "../../platform/db/client";
import { enqueueJobs, type JobRequest } from "./enqueue-job";
import { type JobHandler, runDueJobs } from "./run-due-jobs";

export interface JobRunnerOptions {
  clock: Clock;
  handlers: readonly JobHandler[];
  /** The recurring jobs due at `now` (this month's campaign, today's reminders), queued idempotently. */
  schedule?: (now: Date) => JobRequest[];
  /** How often the table is polled for due jobs (a sale's delivery waits for the next poll). */
  intervalMs?: number;
  onError?: (e: unknown) => void;
}

const POLL_MS = 1_000;
/** The recurring jobs fall due by the day or the month: queued once a minute, where the poll is for deliveries. */
const SCHEDULE_MS = 60_000;
/** Jobs run side by side (runDueJobs); each holds a connection of the pool while it runs. */
const LANES = 4;

/**
 * Polls the jobs table every second and runs whatever is due, four jobs at a time; queues the recurring
 * jobs once a minute. A sale's delivery (in-app notice, e-mail, webhook) so starts within a second, and a
 * burst of sales is delivered four at a time: one after the other, a burst of 500 purchases a second left
 * thousands of deliveries waiting. Several processes may run it at once (SKIP LOCKED, dedupe keys).
 * Returns a stop function that waits for the jobs in progress, so shutdown never cuts a campaign in the
 * middle, but not for the jobs still due after them (thousands of sale deliveries after a burst kept a
 * stopping server alive for minutes, past any orchestrator's grace period).
 */
export function startJobRunner(db: Db, opts: JobRunnerOptions): () => Promise<void> {
  const onError = opts.onError ?? (() => {});
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let scheduledAt = Number.NEGATIVE_INFINITY;
  const tick = async () => {
    const now = opts.clock();
    if (opts.schedule && now.getTime() - scheduledAt >= SCHEDULE_MS) {
      await enqueueJobs(db, opts.schedule(now));
      scheduledAt = now.getTime();
    }
    await runDueJobs(db, opts.handlers, {
      now: opts.clock,
      lanes: LANES,
      onError: (e) => onError(e),
      stopping: () => stopped,
    });
  };
  const poll = () => {
    // Ticks never overlap: a slow job delays the next poll instead of starting a second runner.
    running = running.then(() => (stopped ? undefined : tick())).catch(onError);
  };
  const timer = setInterval(poll, opts.intervalMs ?? POLL_MS);
  timer.unref();
  poll();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
