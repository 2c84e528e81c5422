import { holidayRegionOf, isBusinessDay } from "../../market/rules/business-days";

/**
 * When a bought lead may be called. An insurance call counts as requested by the prospect only if it comes
 * within 30 days of the consent (Code des assurances L112-2-2 / R112-7); the legal call hours of décret
 * 2022-1313 (Monday–Friday 10:00–13:00 and 14:00–20:00, no public holiday) are shown as guidance even with
 * consent. Pure: the caller hands in "now".
 */
export const CALL_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Legal call hours, Paris wall-clock minutes since midnight: [start, end). */
export const CALL_HOURS: readonly (readonly [number, number])[] = [
  [10 * 60, 13 * 60],
  [14 * 60, 20 * 60],
];

export interface Callability {
  /** The last instant a call still counts as requested: consent + 30 days. */
  deadline: Date;
  /** Whole days left before the deadline (0 on its last day); negative once past. */
  daysLeft: number;
  expired: boolean;
  /** Whether "now" is inside the legal call hours (Paris time, worked day of the lead's département). */
  withinCallHours: boolean;
  /** The next instant the legal call hours open, when "now" is outside them. */
  nextCallHoursStart: Date | null;
}

const parisParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parisWallClock(instant: Date): { day: string; minutes: number } {
  const p = Object.fromEntries(parisParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

function isCallable(instant: Date, departement: string | null): boolean {
  const { day, minutes } = parisWallClock(instant);
  if (!isBusinessDay(day, holidayRegionOf(departement))) return false;
  return CALL_HOURS.some(([start, end]) => minutes >= start && minutes < end);
}

/** The next opening of the call hours after "now", searched minute-exact over the next three weeks. */
function nextOpening(now: Date, departement: string | null): Date | null {
  // Walk in 15-minute steps to the first callable quarter, then back to the exact minute it opened.
  const quarter = 15 * 60 * 1000;
  let t = Math.ceil(now.getTime() / quarter) * quarter;
  for (let i = 0; i < 21 * 96; i++, t += quarter) {
    if (isCallable(new Date(t), departement)) {
      let start = t;
      while (start - 60_000 > now.getTime() && isCallable(new Date(start - 60_000), departement)) start -= 60_000;
      return new Date(start);
    }
  }
  return null;
}

/** Whole days left in the call window (0 on its last day), negative once past. */
export function callDaysLeft(consentAt: Date, now: Date): number {
  const left = consentAt.getTime() + CALL_WINDOW_DAYS * DAY_MS - now.getTime();
  return left >= 0 ? Math.floor(left / DAY_MS) : -Math.ceil(-left / DAY_MS);
}

export function callabilityOf(consentAt: Date, departement: string | null, now: Date): Callability {
  const deadline = new Date(consentAt.getTime() + CALL_WINDOW_DAYS * DAY_MS);
  const withinCallHours = isCallable(now, departement);
  return {
    deadline,
    daysLeft: callDaysLeft(consentAt, now),
    expired: deadline.getTime() < now.getTime(),
    withinCallHours,
    nextCallHoursStart: withinCallHours ? null : nextOpening(now, departement),
  };
}
