/**
 * When a failed webhook delivery is tried again: 1 min, 5 min, 30 min, 2 h, 12 h after the previous
 * failure, then it is left as failed (six attempts over about fifteen hours). The broker may replay it.
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The delay before the next attempt after `attempts` failed ones, or null when there is none left. */
export function nextRetryDelay(attempts: number): number | null {
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}
