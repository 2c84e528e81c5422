import type { Clock } from "../../src/platform/clock";

/**
 * A clock that reads `start` when created and runs from there like the real one: a test picks its
 * day and hour, yet time still passes (sessions, timeouts and "later" behave as in production).
 */
export function clockAt(start: string | Date): Clock {
  const origin = new Date(start).getTime();
  if (Number.isNaN(origin)) throw new Error(`clockAt: not an instant: ${String(start)}`);
  const t0 = performance.now();
  return () => new Date(origin + Math.round(performance.now() - t0));
}
