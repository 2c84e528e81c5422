import { addMonths, parisMonth } from "../../catalogue/rules/dates";

/** A calendar month in Paris time, "2026-11", as the UTC instants it starts and ends at. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function parisOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", timeZoneName: "longOffset" }).formatToParts(instant);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Midnight in Paris on the first of the month, as an instant. */
function parisMonthStart(year: number, month: number): Date {
  const utcMidnight = Date.UTC(year, month - 1, 1);
  // The offset at that instant (+1 h in winter, +2 h in summer); midnight never falls in a DST gap in Paris.
  return new Date(utcMidnight - parisOffsetMinutes(new Date(utcMidnight)) * 60_000);
}

export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: parisMonthStart(y, m), to: m === 12 ? parisMonthStart(y + 1, 1) : parisMonthStart(y, m + 1) };
}

/** The month `now` falls in, in Paris, and the `count - 1` before it, newest first: the statements one can ask for. */
export function recentMonths(now: Date, count: number): string[] {
  const current = parisMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, -i));
}

export function monthLabel(month: string): string {
  const { from } = monthRange(month);
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", month: "long", year: "numeric" }).format(from);
}
