import { parisToday } from "../../catalogue/rules/dates";

/**
 * Campaign months as "YYYY-MM" strings, read in Europe/Paris: on 31 May at 23:30 UTC it is already
 * 1 June in the agency, so June's campaign is the one due.
 */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parisMonth(now: Date): string {
  return parisToday(now).slice(0, 7);
}

export function monthStart(month: string): string {
  return `${month}-01`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Month M follows up the clients whose first contract started in M-3: [from, to) as calendar days. */
export function cohortWindow(month: string): { from: string; to: string } {
  return { from: monthStart(addMonths(month, -3)), to: monthStart(addMonths(month, -2)) };
}
