import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import type { orderOverviewSchema } from "./api";
import { orderPeriods } from "./rules/order-periods";
import type { LeadType } from "./rules/sale-terms";

export type OrderOverviewRow = z.infer<typeof orderOverviewSchema>;

/**
 * The operator's view of every standing order across brokerages (active first, then paused), with what each
 * received this Paris week and today against its caps.
 */
export async function ordersOverview(db: DbOrTx, now: Date): Promise<OrderOverviewRow[]> {
  const { week, day } = orderPeriods(now);
  const rows = await rawRows<{
    id: string;
    org_id: string;
    brokerage: string;
    name: string;
    products: string[];
    lead_type: LeadType;
    departements: string[];
    weekly_cap: number;
    daily_cap: number | null;
    status: "active" | "paused";
    week: number;
    day: number;
    last_served_at: string | Date | null;
  }>(
    db,
    sql`select o.id, o.org_id, g.name as brokerage, o.name, o.products, o.lead_type, o.departements, o.weekly_cap, o.daily_cap,
          o.status, o.last_served_at,
          coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${week}), 0)::int as week,
          coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${day}), 0)::int as day
        from broker_orders o join organisations g on g.id = o.org_id
        order by (o.status = 'active') desc, g.name, o.created_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    brokerage: r.brokerage,
    name: r.name,
    products: r.products,
    leadType: r.lead_type,
    departements: r.departements,
    weeklyCap: r.weekly_cap,
    dailyCap: r.daily_cap,
    status: r.status,
    receivedThisWeek: r.week,
    receivedToday: r.day,
    lastServedAt: r.last_served_at ? new Date(r.last_served_at) : null,
  }));
}
