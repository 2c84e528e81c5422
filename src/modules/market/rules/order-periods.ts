import { addToIsoDate, parisToday } from "../../catalogue/rules/dates";

/**
 * The counting periods of an order's caps, in Paris time: the week starts on Monday ("W" + its Monday's
 * date) and the day is the Paris calendar day ("D" + date). Strings, so that the counters table keys on them.
 */
export function orderPeriods(now: Date): { week: string; day: string } {
  const today = parisToday(now);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return { week: `W${addToIsoDate(today, 0, -weekday)}`, day: `D${today}` };
}

/** The Monday-to-Sunday week before the one containing `now`, as Paris calendar days [from, to). */
export function lastWeek(now: Date): { from: string; to: string } {
  const monday = orderPeriods(now).week.slice(1);
  return { from: addToIsoDate(monday, 0, -7), to: monday };
}
