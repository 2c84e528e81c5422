import { addToIsoDate, formatIsoDate, parisLocalToUtcIso, parisWallClock } from "../../catalogue/rules/dates";
import { type HolidayRegion, isBusinessDay } from "../../market/rules/business-days";

/**
 * When a qualified appointment may take place: Monday to Friday, 9:00 to 19:00 Paris time, except public
 * holidays (of the prospect's region: Alsace-Moselle keeps two more). A slot is the start of a 30-minute
 * appointment, so the last one starts at 18:30. No server-only code: the hosted form's picker and the
 * supplier's lead form offer the very slots the intake accepts.
 */
export const SLOT_MINUTES = 30;
export const OPENING_HOUR = 9;
export const CLOSING_HOUR = 19;
/** A prospect gives 1 to 5 slots. */
export const MAX_AVAILABILITIES = 5;
/** Further than this the prospect's availability means little (and the 30-day callability window closes). */
export const MAX_DAYS_AHEAD = 30;

export type SlotProblem = "unreadable" | "past" | "outside_hours" | "too_far";

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its zone ("2026-12-01T10:00:00+01:00" or "…Z"); null when it is not one. */
export function readSlot(raw: string): Date | null {
  if (!ISO_WITH_ZONE.test(raw.trim())) return null;
  const d = new Date(raw.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Why a slot cannot be offered (null: it can), relative to `now`. */
export function slotProblem(slot: Date, now: Date, region: HolidayRegion = "FR"): SlotProblem | null {
  if (slot.getTime() <= now.getTime()) return "past";
  if (slot.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000) return "too_far";
  const w = parisWallClock(slot);
  const day = formatIsoDate(w.year, w.month, w.day);
  const minutes = w.hour * 60 + w.minute;
  if (!isBusinessDay(day, region)) return "outside_hours";
  if (minutes < OPENING_HOUR * 60 || minutes + SLOT_MINUTES > CLOSING_HOUR * 60 || w.second !== 0) return "outside_hours";
  return null;
}

export interface OfferedDay {
  /** Paris calendar day, "yyyy-mm-dd". */
  day: string;
  /** Slot starts as UTC ISO strings, with their Paris "HH:MM". */
  slots: { at: string; label: string }[];
}

/**
 * The slots a picker offers: every hour from 9:00 to 18:00 of the next `days` business days, starting at
 * least `leadHours` from now (a broker needs time to receive and prepare the appointment).
 */
export function offeredSlots(now: Date, opts: { days?: number; leadHours?: number; region?: HolidayRegion } = {}): OfferedDay[] {
  const days = opts.days ?? 5;
  const earliest = now.getTime() + (opts.leadHours ?? 2) * 3_600_000;
  const region = opts.region ?? "FR";
  const w = parisWallClock(now);
  let day = formatIsoDate(w.year, w.month, w.day);
  const out: OfferedDay[] = [];
  for (let guard = 0; out.length < days && guard < 60; guard++, day = addToIsoDate(day, 0, 1)) {
    if (!isBusinessDay(day, region)) continue;
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    const slots: OfferedDay["slots"] = [];
    for (let hour = OPENING_HOUR; hour < CLOSING_HOUR; hour++) {
      const at = parisLocalToUtcIso({ year, month, day: date, hour, minute: 0, second: 0 }) as string;
      if (new Date(at).getTime() >= earliest) slots.push({ at, label: `${String(hour).padStart(2, "0")}:00` });
    }
    if (slots.length > 0) out.push({ day, slots });
  }
  return out;
}
