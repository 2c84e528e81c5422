import { addToIsoDate, parisToday } from "../../catalogue/rules/dates";
import { parisDayStart } from "../../market/rules/business-days";

/** The Paris week (Monday to next Monday, as instants) holding `day` ("yyyy-mm-dd"), or today's. */
export function parisWeek(day: string | undefined, now: Date): { monday: string; from: Date; to: Date } {
  const d = day ?? parisToday(now);
  const weekday = (new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addToIsoDate(d, 0, -weekday);
  return { monday, from: parisDayStart(monday), to: parisDayStart(addToIsoDate(monday, 0, 7)) };
}
