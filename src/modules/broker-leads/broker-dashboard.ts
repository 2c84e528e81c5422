import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import type { BrokerDashboard } from "./api";
import { WORK_STATUSES, type WorkStatus } from "./rules/work-status";

/** The Paris week (from Monday) or month containing `now`, as an instant: computed in Europe/Paris by the database. */
const parisStart = (unit: "month" | "week", now: Date) =>
  sql`(date_trunc(${unit}, ${now.toISOString()}::timestamptz at time zone 'Europe/Paris') at time zone 'Europe/Paris')`;

/**
 * What the brokerage received this week or month and what it made of it: by product and channel, by day,
 * by status; contact and conversion rates; spend (HT, at the sale price) and cost per client won.
 * Everything is read from the brokerage's own rows (lead_work), one range of its sold_at index.
 */
export async function brokerDashboard(db: DbOrTx, orgId: string, period: "week" | "month", now: Date): Promise<BrokerDashboard> {
  const range = sql`w.org_id = ${orgId}::uuid and w.sold_at >= ${parisStart(period, now)} and w.sold_at <= ${now.toISOString()}::timestamptz`;
  const [[head], byProduct, byDay, byStatus] = await Promise.all([
    rawRows<{ from: string | Date; received: number; rdv: number; spend: number; contacted: number; won: number }>(
      db,
      sql`select ${parisStart(period, now)} as "from", count(*)::int as received,
                 count(*) filter (where w.lead_type = 'rdv')::int as rdv,
                 coalesce(sum(w.price_cents), 0)::int as spend,
                 count(*) filter (where w.status in ('contacte', 'vendu') or (w.status = 'perdu' and w.lost_reason not in ('injoignable', 'faux_numero')))::int as contacted,
                 count(*) filter (where w.status = 'vendu')::int as won
            from lead_work w where ${range}`,
    ),
    rawRows<{ product: string; exclusive: number; marketplace: number }>(
      db,
      sql`select w.product, count(*) filter (where w.channel = 'exclusive')::int as exclusive,
                 count(*) filter (where w.channel = 'marketplace')::int as marketplace
            from lead_work w where ${range} group by w.product order by count(*) desc, w.product`,
    ),
    rawRows<{ day: string; exclusive: number; marketplace: number }>(
      db,
      sql`select to_char(w.sold_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as day,
                 count(*) filter (where w.channel = 'exclusive')::int as exclusive,
                 count(*) filter (where w.channel = 'marketplace')::int as marketplace
            from lead_work w where ${range} group by 1 order by 1`,
    ),
    rawRows<{ status: WorkStatus; count: number }>(
      db,
      sql`select w.status, count(*)::int as count from lead_work w where ${range} group by w.status`,
    ),
  ]);
  const received = head?.received ?? 0;
  const won = head?.won ?? 0;
  const spendCents = head?.spend ?? 0;
  const counts = new Map(byStatus.map((s) => [s.status, s.count]));
  return {
    period,
    from: new Date(head?.from ?? now),
    to: now,
    received,
    rdv: head?.rdv ?? 0,
    byProduct,
    byDay,
    byStatus: WORK_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    contactRate: received > 0 ? (head?.contacted ?? 0) / received : null,
    conversionRate: received > 0 ? won / received : null,
    spendCents,
    costPerWonCents: won > 0 ? Math.round(spendCents / won) : null,
  };
}
