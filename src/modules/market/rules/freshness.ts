import { parisToday } from "../../catalogue/rules/dates";
import { type HolidayRegion, holidayRegionOf, isBusinessDay, nextDay, parisDayStart } from "./business-days";
import type { PriceTier } from "./sale-terms";

/**
 * A lead's freshness, counted in business hours ("heures ouvrées"): the real time elapsed on business
 * days only, read in Europe/Paris. A lead received on Friday at 18:00 is 6 business hours old on Saturday
 * noon and still 6 on Monday at 00:00. Real elapsed time, so the night clocks change counts 23 or 25 hours
 * for its day (an hour of the day of the change is an hour of the buyer's wait, whatever the clock says).
 */

export type FreshnessTier = PriceTier;

/** Past 72 business hours a lead leaves the marketplace. */
export const MARKET_LIFETIME_HOURS = 72;

const HOUR_MS = 3_600_000;
const MAX_DAYS_SCANNED = 60;

/** Business hours elapsed between two instants (0 if `to` is not after `from`). */
export function businessHoursBetween(from: Date, to: Date, departement: string | null | undefined): number {
  const region = holidayRegionOf(departement);
  let ms = 0;
  let day = parisToday(from);
  let dayStart = parisDayStart(day);
  while (dayStart.getTime() < to.getTime()) {
    const next = nextDay(day);
    const nextStart = parisDayStart(next);
    if (isBusinessDay(day, region)) {
      const a = Math.max(dayStart.getTime(), from.getTime());
      const b = Math.min(nextStart.getTime(), to.getTime());
      if (b > a) ms += b - a;
    }
    day = next;
    dayStart = nextStart;
  }
  return ms / HOUR_MS;
}

/**
 * The instant a lead received at `from` reaches `hours` business hours. Computed once when a lead is
 * stocked, so the listing filters freshness with plain timestamp comparisons on indexed columns.
 */
export function instantAfterBusinessHours(from: Date, hours: number, departement: string | null | undefined): Date {
  const region: HolidayRegion = holidayRegionOf(departement);
  let left = hours * HOUR_MS;
  let day = parisToday(from);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const next = nextDay(day);
    const nextStart = parisDayStart(next).getTime();
    if (isBusinessDay(day, region)) {
      const start = Math.max(parisDayStart(day).getTime(), from.getTime());
      const available = nextStart - start;
      if (available >= left) return new Date(start + left);
      left -= Math.max(available, 0);
    }
    day = next;
  }
  throw new Error(`No ${hours} business hours within ${MAX_DAYS_SCANNED} days of ${from.toISOString()}`);
}

export interface FreshnessDeadlines {
  /** Until this instant the lead is in the "24h" tier; then "48h" until `tier48Until`, etc. */
  tier24Until: Date;
  tier48Until: Date;
  expiresAt: Date;
}

export function freshnessDeadlines(receivedAt: Date, departement: string | null | undefined): FreshnessDeadlines {
  return {
    tier24Until: instantAfterBusinessHours(receivedAt, 24, departement),
    tier48Until: instantAfterBusinessHours(receivedAt, 48, departement),
    expiresAt: instantAfterBusinessHours(receivedAt, MARKET_LIFETIME_HOURS, departement),
  };
}

/** The tier a lead is in at `now`, or "expired" past 72 business hours. */
export function freshnessTierAt(deadlines: FreshnessDeadlines, now: Date): FreshnessTier | "expired" {
  const t = now.getTime();
  if (t < deadlines.tier24Until.getTime()) return "24h";
  if (t < deadlines.tier48Until.getTime()) return "48h";
  if (t < deadlines.expiresAt.getTime()) return "72h";
  return "expired";
}

export const FRESHNESS_LABELS: Record<FreshnessTier | "expired", string> = {
  "24h": "Moins de 24 h ouvrées",
  "48h": "24 à 48 h ouvrées",
  "72h": "48 à 72 h ouvrées",
  expired: "Expiré (plus de 72 h ouvrées)",
};
