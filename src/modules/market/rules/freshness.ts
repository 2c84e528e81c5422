import { parisToday } from "../../catalogue/rules/dates";
import { type HolidayRegion, holidayRegionOf, isBusinessDay, nextDay, parisDayStart, previousDay } from "./business-days";
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
  return instantsAtBusinessHours(from, [hours], departement, 1)[0] as Date;
}

/**
 * The instants `anchor` is each of `hours` (ascending) business hours away from, in one walk over the days:
 * forwards, when a lead received at `anchor` reaches them; backwards, the receptions that are that old at
 * `anchor` (a lead received after the first one is younger than its hours; at it or before, at least that old).
 */
function instantsAtBusinessHours(
  anchor: Date,
  hours: readonly number[],
  departement: string | null | undefined,
  direction: 1 | -1,
): Date[] {
  const region: HolidayRegion = holidayRegionOf(departement);
  const found: Date[] = [];
  let spent = 0;
  let day = parisToday(anchor);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    if (isBusinessDay(day, region)) {
      const dayStart = parisDayStart(day).getTime();
      const dayEnd = parisDayStart(nextDay(day)).getTime();
      // The part of the day on the walk's side of the anchor, entered by its edge nearest the anchor.
      const from = direction === 1 ? Math.max(dayStart, anchor.getTime()) : dayStart;
      const to = direction === 1 ? dayEnd : Math.min(dayEnd, anchor.getTime());
      const edge = direction === 1 ? from : to;
      const available = Math.max(to - from, 0);
      while (found.length < hours.length && (hours[found.length] as number) * HOUR_MS - spent <= available) {
        found.push(new Date(edge + direction * ((hours[found.length] as number) * HOUR_MS - spent)));
      }
      if (found.length === hours.length) return found;
      spent += available;
    }
    day = direction === 1 ? nextDay(day) : previousDay(day);
  }
  throw new Error(`No ${hours.at(-1)} business hours within ${MAX_DAYS_SCANNED} days of ${anchor.toISOString()}`);
}

/** Reception times that can be in a tier at some instant: `after` < received at <= `upTo`. */
export interface ReceptionWindow {
  after: Date;
  upTo: Date;
}

// The stored deadlines stay the rule; the windows only narrow an index scan, so they are widened by this much.
// The windows are exact (the properties in freshness.test.ts pass with no margin, at the very edges too):
// the minute is a guard, kept small because a tier's scan reads the margin of the next tier's leads and
// drops them. With an hour, the listing without filters read and dropped an hour of intake per product
// (41,700 leads at 1,000,000 in stock, 42 ms of its page query's execution).
const WINDOW_MARGIN_MS = 60_000;
const REGION_DEPARTEMENTS = [null, "57", "67", "68"] as const;

/**
 * For each tier, the reception times of the leads that are in it at `now`, in every holiday region at once
 * (the earliest lower bound, the latest upper bound) and widened by a margin: the marketplace listing scans
 * its received-at index over these ranges rather than over every unsold lead ever stocked, and checks each
 * lead's own deadlines (tier24_until…) on what it reads.
 */
export function receptionWindows(now: Date): Record<FreshnessTier, ReceptionWindow> {
  const byRegion = REGION_DEPARTEMENTS.map((d) => instantsAtBusinessHours(now, [24, 48, MARKET_LIFETIME_HOURS], d, -1));
  const earliest = (i: number) => new Date(Math.min(...byRegion.map((b) => (b[i] as Date).getTime())) - WINDOW_MARGIN_MS);
  const latest = (i: number) => new Date(Math.max(...byRegion.map((b) => (b[i] as Date).getTime())) + WINDOW_MARGIN_MS);
  return {
    "24h": { after: earliest(0), upTo: new Date(now.getTime() + WINDOW_MARGIN_MS) },
    "48h": { after: earliest(1), upTo: latest(0) },
    "72h": { after: earliest(2), upTo: latest(1) },
  };
}

export interface FreshnessDeadlines {
  /** Until this instant the lead is in the "24h" tier; then "48h" until `tier48Until`, etc. */
  tier24Until: Date;
  tier48Until: Date;
  expiresAt: Date;
}

export function freshnessDeadlines(receivedAt: Date, departement: string | null | undefined): FreshnessDeadlines {
  const [tier24Until, tier48Until, expiresAt] = instantsAtBusinessHours(receivedAt, [24, 48, MARKET_LIFETIME_HOURS], departement, 1) as [
    Date,
    Date,
    Date,
  ];
  return { tier24Until, tier48Until, expiresAt };
}

/**
 * freshnessDeadlines, walking the days once per reception instant and holiday region: a batch's leads share
 * their instant (an import, a burst), so the batch walks once per region however many leads it holds.
 */
export function freshnessDeadlinesMemo(): (receivedAt: Date, departement: string | null) => FreshnessDeadlines {
  const walked = new Map<string, FreshnessDeadlines>();
  return (receivedAt, departement) => {
    const key = `${receivedAt.getTime()}|${holidayRegionOf(departement)}`;
    let found = walked.get(key);
    if (!found) {
      found = freshnessDeadlines(receivedAt, departement);
      walked.set(key, found);
    }
    return found;
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
