import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import type { followupListItemSchema } from "../api";
import { monthStart } from "../campaign/months";
import type { FollowupState } from "../rules/workflow";
import { clientNameSql, isoInstant } from "../sql-format";

export interface FollowupListFilters {
  /** "me" (default), "all", or a user id. */
  assignee: string;
  /** A state, or "open" for everything not closed. */
  state?: FollowupState | "open";
  month?: string;
  client?: string;
  limit: number;
  offset: number;
}

export type FollowupListItem = z.infer<typeof followupListItemSchema>;

/**
 * "Mes appels M+3": the caller's follow-ups (or the agency's), callbacks first in their time order,
 * then by campaign month, closed ones last. Counts per state come with the page for the tabs.
 */
export async function listFollowups(db: Db, viewer: { orgId: string; userId: string | null }, f: FollowupListFilters) {
  const conditions: SQL[] = [sql`f.org_id = ${viewer.orgId}`];
  if (f.assignee === "me") conditions.push(sql`f.assigned_to = ${viewer.userId}`);
  else if (f.assignee !== "all") conditions.push(sql`f.assigned_to = ${f.assignee}`);
  if (f.month) conditions.push(sql`f.cohort_month = ${monthStart(f.month)}::date`);
  if (f.client) conditions.push(sql`f.client_id = ${f.client}`);
  const scope = sql.join(conditions, sql` and `);
  const stateCondition = !f.state ? sql`true` : f.state === "open" ? sql`f.state <> 'closed'` : sql`f.state = ${f.state}`;

  // The page is chosen from the index alone (followups_assignee_list_idx); only its rows are then read and joined.
  const items = await rawRows<FollowupListItem>(
    db,
    sql`
    with page as (
      select f.id from followups f
       where ${scope} and ${stateCondition}
       order by f.state = 'closed', f.state <> 'scheduled_callback', f.callback_at nulls last, f.cohort_month, f.id
       limit ${f.limit + 1} offset ${f.offset}
    )
    select f.id::text as id, f.state, f.version, to_char(f.cohort_month, 'YYYY-MM') as "cohortMonth",
           ${isoInstant(sql`f.callback_at`)} as "callbackAt", ${isoInstant(sql`f.reached_at`)} as "reachedAt",
           ${isoInstant(sql`f.closed_at`)} as "closedAt",
           c.id::text as "clientId", ${clientNameSql("c")} as "clientName",
           c.type as "clientType", c.phone as "clientPhone", a.name as "agencyName",
           u.id::text as "assigneeId", u.first_name || ' ' || u.last_name as "assigneeName",
           (select count(*)::int from followup_actions x where x.followup_id = f.id and x.status = 'open') as "openActions"
      from page p
      join followups f on f.id = p.id
      join clients c on c.id = f.client_id
      left join agencies a on a.id = f.agency_id
      left join users u on u.id = f.assigned_to
     order by f.state = 'closed', f.state <> 'scheduled_callback', f.callback_at nulls last, f.cohort_month, f.id`,
  );
  const counts = await rawRows<{ state: FollowupState; n: number }>(
    db,
    sql`
    select f.state, count(*)::int as n from followups f where ${scope} group by f.state`,
  );
  const page = items.slice(0, f.limit);
  return {
    items: page,
    hasMore: items.length > f.limit,
    counts: Object.fromEntries(counts.map((r) => [r.state, r.n])) as Partial<Record<FollowupState, number>>,
  };
}
