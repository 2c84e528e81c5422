import { addMonths } from "../../catalogue/rules/dates";

/**
 * Campaign months as "YYYY-MM" strings, read in Europe/Paris (parisMonth, catalogue/rules/dates.ts): on
 * 31 May at 23:30 UTC it is already 1 June in the agency, so June's campaign is the one due.
 */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function monthStart(month: string): string {
  return `${month}-01`;
}

/** Month M follows up the clients whose first contract started in M-3: [from, to) as calendar days. */
export function cohortWindow(month: string): { from: string; to: string } {
  return { from: monthStart(addMonths(month, -3)), to: monthStart(addMonths(month, -2)) };
}
