import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { addMonths, parisMonth, parisToday } from "../../catalogue/rules/dates";
import type { MeasureRow } from "../api";
import { monthStart } from "../campaign/months";

type Counts = Omit<MeasureRow, "key" | "label">;

interface FollowupSums {
  due: number;
  notStarted: number;
  inProgress: number;
  closed: number;
  reached: number;
  qualified: number;
  contractsBeforeSum: number;
  contractsNowSum: number;
  multi2BeforeCount: number;
  multi3BeforeCount: number;
  multi2NowCount: number;
  multi3NowCount: number;
  opportunities: number;
}

const per = (part: number, whole: number, digits: number) => (whole > 0 ? Number((part / whole).toFixed(digits)) : 0);

function countsOf(r: FollowupSums, actions: { quotes: number; overdueActions: number } | undefined): Counts {
  return {
    due: r.due,
    notStarted: r.notStarted,
    inProgress: r.inProgress,
    closed: r.closed,
    reached: r.reached,
    qualified: r.qualified,
    contractsBefore: per(r.contractsBeforeSum, r.due, 2),
    contractsNow: per(r.contractsNowSum, r.due, 2),
    multi2Before: per(r.multi2BeforeCount, r.due, 4),
    multi3Before: per(r.multi3BeforeCount, r.due, 4),
    multi2Now: per(r.multi2NowCount, r.due, 4),
    multi3Now: per(r.multi3NowCount, r.due, 4),
    opportunities: r.opportunities,
    quotes: actions?.quotes ?? 0,
    overdueActions: actions?.overdueActions ?? 0,
  };
}
interface Grouped {
  gMonth: number;
  gAgency: number;
  gUser: number;
  month: string | null;
  agencyId: string | null;
  userId: string | null;
}

/** The same four groupings for both queries: by month, by agency, by account manager, and the total. */
const groupingSets = (month: string, agency: string, user: string) => sql.raw(`grouping sets ((${month}), (${agency}), (${user}), ())`);
const groupColumns = (month: string, agency: string, user: string) =>
  sql.raw(`grouping(${month})::int as "gMonth", grouping(${agency})::int as "gAgency", grouping(${user})::int as "gUser",
    to_char(${month}, 'YYYY-MM') as month, ${agency}::text as "agencyId", ${user}::text as "userId"`);

const groupKey = (r: Grouped) => `${r.gMonth}${r.gAgency}${r.gUser}|${r.month}|${r.agencyId}|${r.userId}`;

/**
 * The M+3 measures per campaign month, agency and account manager, plus the total. Two single-pass
 * GROUPING SETS queries with FILTER aggregates, each index-only on its own table: the follow-ups
 * ("contracts now" is the column the contracts triggers keep) and their actions (which carry their
 * follow-up's month, agency and assignee). Joining the two made PostgreSQL misjudge the row count and
 * spend more time compiling (JIT) than counting.
 */
export async function followupMeasures(db: Db, orgId: string, opts: { from?: string; to?: string; now: Date }) {
  const to = opts.to ?? parisMonth(opts.now);
  const from = opts.from ?? addMonths(to, -11);
  const today = parisToday(opts.now);
  const scope: SQL = sql`f.org_id = ${orgId} and f.cohort_month >= ${monthStart(from)}::date and f.cohort_month <= ${monthStart(to)}::date`;

  // Independent queries: on PostgreSQL they run side by side on the pool's connections.
  const [followupRows, actionRows, names] = (await Promise.all([
    db.execute(sql`
    select ${groupColumns("f.cohort_month", "f.agency_id", "f.assigned_to")},
           count(*)::int as due,
           count(*) filter (where f.state = 'preparation')::int as "notStarted",
           count(*) filter (where f.state not in ('preparation', 'closed'))::int as "inProgress",
           count(*) filter (where f.state = 'closed')::int as closed,
           count(*) filter (where f.reached_at is not null)::int as reached,
           count(*) filter (where f.record_qualified)::int as qualified,
           -- Sums and counts only: averages and shares are divided out below (numeric avg() is the slow part).
           coalesce(sum(f.contracts_at_start), 0)::int as "contractsBeforeSum",
           coalesce(sum(f.contracts_now), 0)::int as "contractsNowSum",
           count(*) filter (where f.contracts_at_start >= 2)::int as "multi2BeforeCount",
           count(*) filter (where f.contracts_at_start >= 3)::int as "multi3BeforeCount",
           count(*) filter (where f.contracts_now >= 2)::int as "multi2NowCount",
           count(*) filter (where f.contracts_now >= 3)::int as "multi3NowCount",
           coalesce(sum(f.retained_gaps), 0)::int as opportunities
      from followups f
     where ${scope}
     group by ${groupingSets("f.cohort_month", "f.agency_id", "f.assigned_to")}`),
    db.execute(sql`
    select ${groupColumns("x.followup_cohort_month", "x.followup_agency_id", "x.followup_assignee_id")},
           count(*) filter (where x.kind = 'quote' and x.status <> 'cancelled')::int as quotes,
           count(*) filter (where x.status = 'open' and x.due_date < ${today}::date)::int as "overdueActions"
      from followup_actions x
     where x.org_id = ${orgId} and x.followup_cohort_month >= ${monthStart(from)}::date and x.followup_cohort_month <= ${monthStart(to)}::date
     group by ${groupingSets("x.followup_cohort_month", "x.followup_agency_id", "x.followup_assignee_id")}`),
    db.execute(sql`
      select id::text as id, name from agencies where org_id = ${orgId}
      union all
      select id::text, first_name || ' ' || last_name from users where org_id = ${orgId}`),
  ])) as unknown as [
    { rows: (Grouped & FollowupSums)[] },
    { rows: (Grouped & { quotes: number; overdueActions: number })[] },
    { rows: { id: string; name: string }[] },
  ];

  const nameOf = new Map(names.rows.map((r) => [r.id, r.name]));
  const actionsOf = new Map(actionRows.rows.map((r) => [groupKey(r), r]));
  const rows = followupRows.rows.map((r) => {
    const { gMonth, gAgency, gUser, month, agencyId, userId } = r;
    const actions = actionsOf.get(groupKey(r));
    return { grouping: { gMonth, gAgency, gUser, month, agencyId, userId }, counts: countsOf(r, actions) };
  });
  const total = rows.find((r) => r.grouping.gMonth + r.grouping.gAgency + r.grouping.gUser === 3);
  return {
    from,
    to,
    total: { key: null, label: "Total", ...(total?.counts ?? emptyCounts()) },
    byMonth: rows
      .filter((r) => r.grouping.gMonth === 0)
      .map((r) => ({ key: r.grouping.month, label: r.grouping.month ?? "", ...r.counts }))
      .sort((a, b) => (a.key ?? "").localeCompare(b.key ?? "")),
    byAgency: rows
      .filter((r) => r.grouping.gAgency === 0)
      .map((r) => ({
        key: r.grouping.agencyId,
        label: r.grouping.agencyId ? (nameOf.get(r.grouping.agencyId) ?? "Agence") : "Sans agence",
        ...r.counts,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, "fr")),
    byManager: rows
      .filter((r) => r.grouping.gUser === 0)
      .map((r) => ({
        key: r.grouping.userId,
        label: r.grouping.userId ? (nameOf.get(r.grouping.userId) ?? "Collaborateur") : "Non attribué",
        ...r.counts,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, "fr")),
  };
}

function emptyCounts(): Counts {
  return {
    due: 0,
    notStarted: 0,
    inProgress: 0,
    closed: 0,
    reached: 0,
    qualified: 0,
    contractsBefore: 0,
    contractsNow: 0,
    multi2Before: 0,
    multi3Before: 0,
    multi2Now: 0,
    multi3Now: 0,
    opportunities: 0,
    quotes: 0,
    overdueActions: 0,
  };
}
