import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import type { ReturnQueue } from "../api";
import { RATE_WINDOW_DAYS, type ReturnStatus } from "../rules/returns";
import { type ReturnRow, returnColumns, returnOf } from "./return-row";

interface Row extends ReturnRow {
  lead_id: string;
  product: string;
  lead_type: "lead" | "rdv";
  sold_at: string | Date;
  failed_attempts: number;
  org_id: string;
  org_name: string;
  supplier_name: string;
  purchases: number;
  returns: number;
  duplicate_of: string | null;
}

/**
 * The operator's queue: returns of one status, oldest request first for the pending ones, with what the
 * decision rests on — the brokerage's return rate over 30 days, the calls it recorded, and for a "doublon"
 * the earlier lead of the same phone and product it bought within 30 days.
 */
export async function listReturns(db: DbOrTx, status: ReturnStatus, now: Date): Promise<ReturnQueue["items"]> {
  const since = new Date(now.getTime() - RATE_WINDOW_DAYS * 24 * 3600 * 1000).toISOString();
  const rows = await rawRows<Row>(
    db,
    sql`select ${returnColumns},
               r.lead_id, w.product, w.lead_type, w.sold_at, w.failed_attempts, r.org_id, o.name as org_name, so.name as supplier_name,
               (select count(*) from lead_work p where p.org_id = r.org_id and p.sold_at >= ${since}::timestamptz)::int as purchases,
               (select count(*) from lead_returns q where q.org_id = r.org_id and q.requested_at >= ${since}::timestamptz
                  and q.status in ('pending', 'accepted'))::int as returns,
               (select d.lead_id from lead_work d where d.org_id = r.org_id and d.phone = w.phone and d.product = w.product
                  and d.lead_id <> r.lead_id and d.sold_at < w.sold_at and d.sold_at >= w.sold_at - interval '30 days'
                order by d.sold_at desc limit 1) as duplicate_of
          from lead_returns r
          join lead_work w on w.lead_id = r.lead_id
          join organisations o on o.id = r.org_id
          join organisations so on so.id = r.supplier_org_id
         where r.status = ${status}
         order by r.requested_at ${status === "pending" ? sql`asc` : sql`desc`}
         limit 200`,
  );
  return rows.map((r) => ({
    ...returnOf(r),
    leadId: r.lead_id,
    product: r.product,
    leadType: r.lead_type,
    soldAt: new Date(r.sold_at),
    failedAttempts: r.failed_attempts,
    brokerage: {
      orgId: r.org_id,
      name: r.org_name,
      purchases30d: r.purchases,
      returns30d: r.returns,
      rate: r.purchases > 0 ? r.returns / r.purchases : 0,
    },
    supplierName: r.supplier_name,
    duplicateOf: r.duplicate_of,
  }));
}
