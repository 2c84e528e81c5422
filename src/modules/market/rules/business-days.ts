import Holidays from "date-holidays";
import { addToIsoDate, parisLocalToUtcIso } from "../../catalogue/rules/dates";

/**
 * French business days ("jours ouvrés"): Monday to Friday, except public holidays. The holidays come from
 * date-holidays (maintained, computes Easter-based dates); Alsace-Moselle (départements 57, 67, 68) keeps
 * Good Friday and 26 December under its local law, which date-holidays knows as the states "57", "67", "68".
 * Only `type: "public"` days count: the library also lists observances (Mother's Day, Pentecost Sunday).
 */

const ALSACE_MOSELLE = new Set(["57", "67", "68"]);

export type HolidayRegion = "FR" | "57" | "67" | "68";

export function holidayRegionOf(departement: string | null | undefined): HolidayRegion {
  return departement && ALSACE_MOSELLE.has(departement) ? (departement as HolidayRegion) : "FR";
}

const calendars = new Map<HolidayRegion, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<string>>();

/** The public holidays of one year and region as "yyyy-mm-dd" strings (computed once, then cached). */
export function publicHolidays(year: number, region: HolidayRegion): ReadonlySet<string> {
  const key = `${region}|${year}`;
  const hit = holidaysByYear.get(key);
  if (hit) return hit;
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = region === "FR" ? new Holidays("FR") : new Holidays("FR", region);
    calendars.set(region, calendar);
  }
  const days = new Set(
    calendar
      .getHolidays(year)
      .filter((h) => h.type === "public")
      .map((h) => h.date.slice(0, 10)),
  );
  holidaysByYear.set(key, days);
  return days;
}

const dayStarts = new Map<string, number>();
const nextDays = new Map<string, string>();
const workedDays = new Map<string, boolean>();
/** Each map holds a few years of days at most; past this many entries (a long-running process) it restarts. */
const MAX_CACHED_DAYS = 5000;

/**
 * Whether a Paris calendar day ("yyyy-mm-dd") is worked: a weekday that is not a public holiday there.
 * Memoised like the days' starts: stocking walks the same few days for every lead of a batch.
 */
export function isBusinessDay(day: string, region: HolidayRegion): boolean {
  const key = `${region}|${day}`;
  let worked = workedDays.get(key);
  if (worked === undefined) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    worked = weekday !== 0 && weekday !== 6 && !publicHolidays(Number(day.slice(0, 4)), region).has(day);
    if (workedDays.size >= MAX_CACHED_DAYS) workedDays.clear();
    workedDays.set(key, worked);
  }
  return worked;
}

/**
 * The UTC instant a Paris calendar day begins (23 or 25 hours before the next one across a DST change).
 * Memoised: stocking a lead walks up to a week of days, and the time-zone arithmetic dominated intake's
 * profile when each lead recomputed it.
 */
export function parisDayStart(day: string): Date {
  let start = dayStarts.get(day);
  if (start === undefined) {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    start = Date.parse(parisLocalToUtcIso({ year, month, day: date, hour: 0, minute: 0, second: 0 }) as string);
    if (dayStarts.size >= MAX_CACHED_DAYS) dayStarts.clear();
    dayStarts.set(day, start);
  }
  return new Date(start);
}

/** The calendar day before `day` (the listing's windows walk backwards, a few days per request: not memoised). */
export function previousDay(day: string): string {
  return addToIsoDate(day, 0, -1);
}

export function nextDay(day: string): string {
  let next = nextDays.get(day);
  if (next === undefined) {
    next = addToIsoDate(day, 0, 1);
    if (nextDays.size >= MAX_CACHED_DAYS) nextDays.clear();
    nextDays.set(day, next);
  }
  return next;
}
