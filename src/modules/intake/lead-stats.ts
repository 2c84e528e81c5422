import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { type LeadFilters, leadConditions } from "./list-leads";
import { REJECTION_MESSAGES, type RejectionCode } from "./rules/rejection";
import { leads } from "./schema";

/** The supplier dashboard: per day, per product, and why leads were rejected. */
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
  const reasons = byReason.map((r) => ({ ...r, message: REJECTION_MESSAGES[r.code as RejectionCode] ?? r.code }));
  return { totals, byDay: byDay, byProduct: byProduct, byReason: reasons };
}
