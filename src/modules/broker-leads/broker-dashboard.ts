import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import type { BrokerDashboard } from "./api";
import { WORK_STATUSES, type WorkStatus } from "./rules/work-status";

/** The Paris week (from Monday) or month containing `now`, as an instant: computed in Europe/Paris by the database. */
const parisStart = (unit: "month" | "week", now: Date) =>
  sql`(date_trunc(${unit}, ${now.toISOString()}::timestamptz at time zone 'Europe/Paris') at time zone 'Europe/Paris')`;

interface Row {
  /** Which grouping the row belongs to: 'all', 'product', 'day' or 'status'. */
  g: "all" | "product" | "day" | "status";
  product: string | null;
  day: string | null;
  status: WorkStatus | null;
  received: number;
  exclusive: number;
  marketplace: number;
  rdv: number;
  spend: number;
  contacted: number;
  won: number;
}

/**
 * What the brokerage received this week or month and what it made of it: by product and channel, by day,
 * by status; contact and conversion rates; spend (HT, at the sale price) and cost per client won. One scan
 * of the brokerage's rows of the period (lead_work, its sold_at index), grouped four ways at once.
 */
export async function brokerDashboard(db: DbOrTx, orgId: string, period: "week" | "month", now: Date): Promise<BrokerDashboard> {
  const from = parisStart(period, now);
  const rows = await rawRows<Row & { from: string | Date }>(
    db,
    sql`select case when grouping(w.product) = 0 then 'product' when grouping(p.day) = 0 then 'day'
                    when grouping(w.status) = 0 then 'status' else 'all' end as g,
               w.product, p.day, w.status, ${from} as "from",
               count(*)::int as received,
               count(*) filter (where w.channel = 'exclusive')::int as exclusive,
               count(*) filter (where w.channel = 'marketplace')::int as marketplace,
               count(*) filter (where w.lead_type = 'rdv')::int as rdv,
               coalesce(sum(w.price_cents), 0)::int as spend,
               count(*) filter (where w.status in ('contacte', 'vendu')
                                   or (w.status = 'perdu' and w.lost_reason not in ('injoignable', 'faux_numero')))::int as contacted,
               count(*) filter (where w.status = 'vendu')::int as won
          from lead_work w, lateral (select to_char(w.sold_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as day) p
         where w.org_id = ${orgId}::uuid and w.sold_at >= ${from} and w.sold_at <= ${now.toISOString()}::timestamptz
         group by grouping sets ((w.product), (p.day), (w.status), ())`,
  );
  const all = rows.find((r) => r.g === "all");
  const received = all?.received ?? 0;
  const won = all?.won ?? 0;
  const spendCents = all?.spend ?? 0;
  const counts = new Map(rows.filter((r) => r.g === "status").map((r) => [r.status, r.received]));
  return {
    period,
    // An empty period has no row at all: its start is still the database's (Paris) week or month.
    from: all ? new Date(all.from) : await periodStart(db, period, now),
    to: now,
    received,
    rdv: all?.rdv ?? 0,
    byProduct: rows
      .filter((r) => r.g === "product")
      .sort((a, b) => b.received - a.received || String(a.product).localeCompare(String(b.product)))
      .map((r) => ({ product: r.product as string, exclusive: r.exclusive, marketplace: r.marketplace })),
    byDay: rows
      .filter((r) => r.g === "day")
      .sort((a, b) => String(a.day).localeCompare(String(b.day)))
      .map((r) => ({ day: r.day as string, exclusive: r.exclusive, marketplace: r.marketplace })),
    byStatus: WORK_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    contactRate: received > 0 ? (all?.contacted ?? 0) / received : null,
    conversionRate: received > 0 ? won / received : null,
    spendCents,
    costPerWonCents: won > 0 ? Math.round(spendCents / won) : null,
  };
}

async function periodStart(db: DbOrTx, period: "week" | "month", now: Date): Promise<Date> {
  const [row] = await rawRows<{ from: string | Date }>(db, sql`select ${parisStart(period, now)} as "from"`);
  return new Date(row?.from ?? now);
}
