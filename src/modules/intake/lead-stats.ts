import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { type LeadFilters, leadConditions } from "./list-leads";
import { REJECTION_MESSAGES, type RejectionCode } from "./rules/rejection";
import { leads } from "./schema";

/** The supplier dashboard: per day, per product, why leads were rejected, and how many sold, where and at what price. */
export async function leadStats(db: DbOrTx, orgId: string, f: LeadFilters) {
  const where = leadConditions(orgId, f);
  const counts = sql`count(*) filter (where ${leads.status} = 'accepted')::int as accepted, count(*) filter (where ${leads.status} = 'rejected')::int as rejected`;
  const byDay = await rawRows<{ day: string; accepted: number; rejected: number }>(
    db,
    sql`select to_char(${leads.createdAt} at time zone 'Europe/Paris', 'YYYY-MM-DD') as day, ${counts} from ${leads} where ${where} group by 1 order by 1`,
  );
  const byProduct = await rawRows<{ product: string; accepted: number; rejected: number }>(
    db,
    sql`select ${leads.product} as product, ${counts} from ${leads} where ${where} group by 1 order by 2 desc, 1`,
  );
  const byReason = await rawRows<{ code: string; count: number }>(
    db,
    sql`select r->>'code' as code, count(*)::int as count from ${leads}, jsonb_array_elements(${leads.reasons}) r where ${where} and ${leads.status} = 'rejected' group by 1 order by 2 desc, 1`,
  );
  const totals = byDay.reduce((t, d) => ({ accepted: t.accepted + d.accepted, rejected: t.rejected + d.rejected }), {
    accepted: 0,
    rejected: 0,
  });
  // What became of the accepted leads: sold (exclusive or marketplace), where and at what price (HT).
  // lead_sales belongs to the market module; read-only here, joined on the supplier's own leads.
  const sales = await rawRows<{ channel: "exclusive" | "marketplace"; departement: string | null; sold: number; revenue: number }>(
    db,
    sql`select s.channel, ${leads.departement} as departement, count(*)::int as sold, sum(s.price_cents)::int as revenue
        from ${leads} join lead_sales s on s.lead_id = ${leads.id} where ${where} group by 1, 2 order by 3 desc, 1, 2`,
  );
  const sold = { count: 0, revenueCents: 0 };
  const byChannel = new Map<string, { channel: "exclusive" | "marketplace"; sold: number; revenueCents: number }>();
  for (const r of sales) {
    sold.count += r.sold;
    sold.revenueCents += r.revenue;
    const c = byChannel.get(r.channel) ?? { channel: r.channel, sold: 0, revenueCents: 0 };
    c.sold += r.sold;
    c.revenueCents += r.revenue;
    byChannel.set(r.channel, c);
  }
  // Quality as buyers see it: returns of the period's leads (lead_returns belongs to the broker space; read-only here).
  const returnsByReason = await rawRows<{ reason: string; requested: number; accepted: number }>(
    db,
    sql`select r.reason, count(*)::int as requested, count(*) filter (where r.status = 'accepted')::int as accepted
        from ${leads} join lead_returns r on r.lead_id = ${leads.id} where ${where} group by 1 order by 2 desc, 1`,
  );
  const reasons = byReason.map((r) => ({ ...r, message: REJECTION_MESSAGES[r.code as RejectionCode] ?? r.code }));
  return {
    totals,
    byDay: byDay,
    byProduct: byProduct,
    byReason: reasons,
    sales: {
      ...sold,
      byChannel: [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel)),
      byDepartement: sales.map((r) => ({ channel: r.channel, departement: r.departement, sold: r.sold, revenueCents: r.revenue })),
    },
    returns: {
      requested: returnsByReason.reduce((n, r) => n + r.requested, 0),
      accepted: returnsByReason.reduce((n, r) => n + r.accepted, 0),
      byReason: returnsByReason,
    },
  };
}
