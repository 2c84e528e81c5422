import type { DateBounds } from "./types";

/**
 * Calendar helpers working on "yyyy-mm-dd" strings: comparing ISO dates as strings avoids every
 * timezone pitfall of Date objects. Only Intl is used (no Node API) because the web app imports this.
 */

const PARIS = "Europe/Paris";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const parisFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

// Since 1912 Paris has only ever been a whole number of hours ahead of UTC (0, 1 or 2), changing on whole
// UTC hours: one formatToParts per UTC hour gives the offset of every instant in it. formatToParts costs
// a few microseconds and a CSV import asks twice per row (consent times, a different minute each).
const HOUR_MS = 3_600_000;
const WHOLE_HOURS_SINCE = Date.UTC(1912, 0, 1);
const WHOLE_HOURS_UNTIL = Date.UTC(9999, 0, 1);
const offsetsByHour = new Map<number, number>();

export function parisWallClock(instant: Date): WallClock {
  const ms = instant.getTime();
  // Earlier (Paris Mean Time, 9 min 21 s ahead), far ahead and NaN: as the formatter says.
  if (!(ms >= WHOLE_HOURS_SINCE && ms < WHOLE_HOURS_UNTIL)) return computeParisWallClock(instant);
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    const w = computeParisWallClock(new Date(hour * HOUR_MS));
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - hour * HOUR_MS;
    if (offsetsByHour.size > 5_000) offsetsByHour.clear();
    offsetsByHour.set(hour, offset);
  }
  const local = new Date(ms + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

function computeParisWallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const p of parisFormatter.formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The Paris wall-clock time in the format of <input type="datetime-local"> ("2026-11-21T10:15"). */
export function parisDateTimeForInput(now: Date): string {
  const w = parisWallClock(now);
  return `${formatIsoDate(w.year, w.month, w.day)}T${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
}

/** "Today" as French users see it: a lead sent at 00:30 in Paris is dated of that day, not of the UTC day before. */
export function parisToday(now: Date): string {
  const w = parisWallClock(now);
  return formatIsoDate(w.year, w.month, w.day);
}

/** The calendar month `now` falls in, in Paris, "2026-11": on 31 May at 23:30 UTC it is already June there. */
export function parisMonth(now: Date): string {
  return parisToday(now).slice(0, 7);
}

/** "2026-11" shifted by `n` calendar months ("2026-12", "2027-01"…). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

export function addToIsoDate(iso: string, years: number, days: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  const year = Number(m[1]) + years;
  const month = Number(m[2]);
  // 29 February plus one year lands on 28 February rather than overflowing into March.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

export function dateBoundsFor(bounds: DateBounds, now: Date): { min?: string; max?: string } {
  const today = parisToday(now);
  const hasMin = bounds.minYearsFromNow !== undefined || bounds.minDaysFromNow !== undefined;
  const hasMax = bounds.maxYearsFromNow !== undefined || bounds.maxDaysFromNow !== undefined;
  return {
    min: hasMin ? addToIsoDate(today, bounds.minYearsFromNow ?? 0, bounds.minDaysFromNow ?? 0) : undefined,
    max: hasMax ? addToIsoDate(today, bounds.maxYearsFromNow ?? 0, bounds.maxDaysFromNow ?? 0) : undefined,
  };
}

/** Paris wall-clock time → UTC ISO string, handling both DST transitions. Undefined if the clock is invalid. */
export function parisLocalToUtcIso(w: WallClock): string | undefined {
  if (!isValidCalendarDate(w.year, w.month, w.day)) return undefined;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return undefined;
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetAt = (instant: number): number => {
    const p = parisWallClock(new Date(instant));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
  };
  // The offset at the guessed instant may be the wrong side of a DST change: a second pass settles it.
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant);
  return new Date(instant).toISOString();
}

const FR_DATETIME = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** dd/mm/yyyy (also with - or .) or yyyy-mm-dd, optionally followed by a time that is ignored. */
export function parseHumanDate(raw: string): string | undefined {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidCalendarDate(y, m, d) ? formatIsoDate(y, m, d) : undefined;
  }
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(s);
  if (fr) {
    const [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
    return isValidCalendarDate(y, m, d) ? formatIsoDate(y, m, d) : undefined;
  }
  return undefined;
}

/**
 * A consent timestamp as suppliers write it: "21/11/2026 10:15[:30]" in Paris time, ISO with a zone,
 * or ISO without a zone (taken as Paris time too, since that is what a French back-office exports).
 * A bare date is refused: a consent proof needs the time.
 */
export function parseHumanDateTime(raw: string): string | undefined {
  const s = raw.trim();
  if (ISO_WITH_ZONE.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  const local = ISO_LOCAL.exec(s);
  if (local) {
    return parisLocalToUtcIso({
      year: Number(local[1]),
      month: Number(local[2]),
      day: Number(local[3]),
      hour: Number(local[4]),
      minute: Number(local[5]),
      second: Number(local[6] ?? 0),
    });
  }
  const fr = FR_DATETIME.exec(s);
  if (fr) {
    return parisLocalToUtcIso({
      day: Number(fr[1]),
      month: Number(fr[2]),
      year: Number(fr[3]),
      hour: Number(fr[4]),
      minute: Number(fr[5]),
      second: Number(fr[6] ?? 0),
    });
  }
  return undefined;
}

export function formatFrenchDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "21/11/2026 10:15" in Paris time, the format suppliers' spreadsheets use. */
export function formatParisDateTime(instant: Date): string {
  const w = parisWallClock(instant);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(w.day)}/${p(w.month)}/${w.year} ${p(w.hour)}:${p(w.minute)}`;
}

/** Month names as written in French, lower case: "janvier" is FRENCH_MONTHS[0]. */
export const FRENCH_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

/** The instant a Paris calendar day starts, at the given hour. */
export function parisInstant(day: string, hour = 0): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(parisLocalToUtcIso({ year, month, day: date, hour, minute: 0, second: 0 }) as string);
}
