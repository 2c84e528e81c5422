import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { walletBalance } from "../billing";
import type { SaleChannel } from "./rules/sale-terms";

export interface MarketSummary {
  monthSpentCents: number;
  monthLeads: number;
  weekByProduct: { product: string; exclusive: number; marketplace: number }[];
  balanceCents: number;
  latest: {
    leadId: string;
    product: string;
    departement: string | null;
    channel: SaleChannel;
    priceCents: number;
    soldAt: Date;
  }[];
}

/** Paris month and week (Monday) containing `now`, as instants: the SQL computes them in Europe/Paris. */
const parisStart = (unit: "month" | "week", now: Date) =>
  sql`(date_trunc(${unit}, ${now.toISOString()}::timestamptz at time zone 'Europe/Paris') at time zone 'Europe/Paris')`;

/** A brokerage's home: what it spent this month (HT), what it received this week by product and channel, its balance and latest leads. */
export async function marketSummary(db: DbOrTx, orgId: string, now: Date, latestCount = 10): Promise<MarketSummary> {
  const at = now.toISOString();
  const [month] = await rawRows<{ spent: number; count: number }>(
    db,
    sql`select coalesce(sum(price_cents), 0)::int as spent, count(*)::int as count from lead_sales
        where buyer_org_id = ${orgId}::uuid and sold_at >= ${parisStart("month", now)} and sold_at <= ${at}::timestamptz`,
  );
  const week = await rawRows<{ product: string; exclusive: number; marketplace: number }>(
    db,
    sql`select l.product, count(*) filter (where s.channel = 'exclusive')::int as exclusive,
          count(*) filter (where s.channel = 'marketplace')::int as marketplace
        from lead_sales s join leads l on l.id = s.lead_id
        where s.buyer_org_id = ${orgId}::uuid and s.sold_at >= ${parisStart("week", now)} and s.sold_at <= ${at}::timestamptz
        group by l.product order by count(*) desc, l.product`,
  );
  const latest = await rawRows<{
    lead_id: string;
    product: string;
    departement: string | null;
    channel: SaleChannel;
    price_cents: number;
    sold_at: string | Date;
  }>(
    db,
    sql`select s.lead_id, l.product, l.departement, s.channel, s.price_cents, s.sold_at
        from lead_sales s join leads l on l.id = s.lead_id
        where s.buyer_org_id = ${orgId}::uuid and s.sold_at <= ${at}::timestamptz
        order by s.sold_at desc, s.id desc limit ${latestCount}`,
  );
  return {
    monthSpentCents: month?.spent ?? 0,
    monthLeads: month?.count ?? 0,
    weekByProduct: week,
    balanceCents: await walletBalance(db, orgId),
    latest: latest.map((r) => ({
      leadId: r.lead_id,
      product: r.product,
      departement: r.departement,
      channel: r.channel,
      priceCents: r.price_cents,
      soldAt: new Date(r.sold_at),
    })),
  };
}
