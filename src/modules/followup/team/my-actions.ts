import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { notFound } from "../../../platform/errors";
import { parisToday } from "../../catalogue/rules/dates";
import type { myActionSchema } from "../api";
import { ACTION_KIND_LABELS } from "../rules/model";
import { followupActions, followupSteps } from "../schema";
import { clientNameSql } from "../sql-format";

export type MyAction = z.infer<typeof myActionSchema>;

export const MY_ACTIONS_LIMIT = 500;

/**
 * "Mes actions": my open actions, overdue / due today / upcoming, the day read in Paris; the first 500
 * by due date, with the true count of each group (window counts, taken before the limit).
 */
export async function myActions(db: Db, viewer: { orgId: string; userId: string | null }, now: Date, limit = MY_ACTIONS_LIMIT) {
  const today = parisToday(now);
  const result = await rawRows<Omit<MyAction, "kindLabel"> & { overdueCount: number; dueTodayCount: number; upcomingCount: number }>(
    db,
    sql`
    select x.id::text as id, x.followup_id::text as "followupId", x.kind, x.origin, x.product_line as "productLine",
           to_char(x.due_date, 'YYYY-MM-DD') as "dueDate", x.note, c.id::text as "clientId",
           ${clientNameSql("c")} as "clientName",
           c.phone as "clientPhone",
           count(*) filter (where x.due_date < ${today}::date) over ()::int as "overdueCount",
           count(*) filter (where x.due_date = ${today}::date) over ()::int as "dueTodayCount",
           count(*) filter (where x.due_date > ${today}::date) over ()::int as "upcomingCount"
      from followup_actions x join clients c on c.id = x.client_id
     where x.org_id = ${viewer.orgId} and x.owner_id = ${viewer.userId} and x.status = 'open'
     order by x.due_date, x.created_at
     limit ${limit}`,
  );
  const first = result[0];
  const rows = result.map(({ overdueCount: _o, dueTodayCount: _d, upcomingCount: _u, ...r }) => ({
    ...r,
    kindLabel: ACTION_KIND_LABELS[r.kind] ?? r.kind,
  }));
  return {
    today,
    overdue: rows.filter((r) => r.dueDate < today),
    dueToday: rows.filter((r) => r.dueDate === today),
    upcoming: rows.filter((r) => r.dueDate > today),
    counts: { overdue: first?.overdueCount ?? 0, dueToday: first?.dueTodayCount ?? 0, upcoming: first?.upcomingCount ?? 0 },
  };
}

/** Marks an action done; journaled on its follow-up, so the history shows the plan being carried out. */
export async function completeAction(db: Db, actor: { orgId: string; userId: string | null }, actionId: string, now: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(actionId)) throw notFound("Action");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(followupActions)
      .set({ status: "done", doneAt: now })
      .where(and(eq(followupActions.id, actionId), eq(followupActions.orgId, actor.orgId), eq(followupActions.status, "open")))
      .returning();
    if (!row) throw notFound("Action ouverte");
    await tx.insert(followupSteps).values({
      followupId: row.followupId,
      at: now,
      userId: actor.userId,
      kind: "action_done",
      data: { actionId: row.id, kind: row.kind, dueDate: row.dueDate },
    });
    return row;
  });
}
