import { desc, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { parisInstant, parisMonth, parisToday } from "../../catalogue/rules/dates";
import type { JobHandler, JobRequest } from "../../jobs";
import { jobs } from "../../jobs/schema";
import type { Notifier } from "../../notifications";
import { organisationsWithClients, runCampaign } from "./run-campaign";
import { sendActionReminders } from "./send-reminders";

export const CAMPAIGN_JOB = "followup.campaign";
export const REMINDERS_JOB = "followup.reminders";
/** Reminders go out at the start of the working day, Paris time. */
const REMINDER_HOUR = 8;

/**
 * The recurring M+3 work: this month's campaign (due from the 1st, 00:00 Paris; a server started
 * later in the month catches up, and the month's key makes it run once) and today's reminders.
 */
export function followupSchedule(now: Date): JobRequest[] {
  const month = parisMonth(now);
  const today = parisToday(now);
  return [
    { kind: CAMPAIGN_JOB, dedupeKey: month, payload: { month }, runAt: parisInstant(`${month}-01`) },
    { kind: REMINDERS_JOB, dedupeKey: today, payload: { day: today }, runAt: parisInstant(today, REMINDER_HOUR) },
  ];
}

export function followupJobHandlers(deps: { notifier?: Notifier; appUrl?: string | null }): JobHandler[] {
  return [
    {
      kind: CAMPAIGN_JOB,
      async run(payload, { db }) {
        const month = String(payload.month);
        const orgs: Record<string, number> = {};
        // One statement per organisation: a large firm does not hold the others' rows locked.
        for (const orgId of await organisationsWithClients(db)) orgs[orgId] = (await runCampaign(db, { orgId, month })).created;
        return { month, orgs };
      },
    },
    {
      kind: REMINDERS_JOB,
      async run(_payload, { db, now }) {
        return sendActionReminders({ db, notifier: deps.notifier }, { now, appUrl: deps.appUrl });
      },
    },
  ];
}

/** The automatic monthly runs, newest first, with what each created in this organisation. */
export async function campaignRuns(db: Db, orgId: string, limit = 12) {
  const rows = await db
    .select({ month: jobs.dedupeKey, status: jobs.status, result: jobs.result, finishedAt: jobs.finishedAt, lastError: jobs.lastError })
    .from(jobs)
    .where(eq(jobs.kind, CAMPAIGN_JOB))
    .orderBy(desc(jobs.dedupeKey))
    .limit(limit);
  return rows.map((r) => ({
    month: r.month,
    status: r.status,
    finishedAt: r.finishedAt,
    created: (r.result as { orgs?: Record<string, number> } | null)?.orgs?.[orgId] ?? null,
  }));
}
