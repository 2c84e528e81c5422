import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { type PgArrayElement, pgArrayLiteral } from "../../platform/db/pg-array";
import { rawRows } from "../../platform/db/raw-rows";
import { freshnessDeadlinesMemo } from "./rules/freshness";

/** What stocking needs of a lead (routeLeads reads it with what routing needs, in the same query). */
export interface StockCandidate {
  id: string;
  product: string;
  type: string;
  departement: string | null;
  postal_code: string | null;
  city: string | null;
  method: string;
  consent_text_id: string;
  created_at: string | Date;
}

/**
 * Puts accepted leads that no order bought into the marketplace stock, with their freshness deadlines in
 * business hours from the moment the lead was received. Idempotent (a lead is stocked once, a sold lead
 * never), so the routing sweep after a crash may stock the same leads again without harm.
 */
export async function stockLeads(db: DbOrTx, leadIds: readonly string[], now: Date): Promise<number> {
  if (leadIds.length === 0) return 0;
  const candidates = await rawRows<StockCandidate>(
    db,
    sql`
      select l.id, l.product, l.type, l.departement, l.postal_code, l.city, k.method, k.consent_text_id, l.created_at
      from leads l join lead_consents k on k.lead_id = l.id
      where l.id = any(${pgArrayLiteral(leadIds)}::uuid[]) and l.status = 'accepted'
        and not exists (select 1 from lead_sales s where s.lead_id = l.id)`,
  );
  return stockCandidates(db, candidates, now);
}

/** stockLeads on leads already read (and known accepted and unsold by the caller's transaction). */
export async function stockCandidates(db: DbOrTx, candidates: readonly StockCandidate[], now: Date): Promise<number> {
  if (candidates.length === 0) return 0;
  const deadlinesOf = freshnessDeadlinesMemo();
  const deadlines = candidates.map((c) => deadlinesOf(new Date(c.created_at), c.departement));
  const col = (pick: (c: StockCandidate, i: number) => PgArrayElement) => pgArrayLiteral(candidates.map(pick));
  const stocked = await rawRows<{ n: number }>(
    db,
    sql`
      with ins as (
        insert into market_listings (lead_id, product, lead_type, departement, postal_code, city, consent_method, consent_text_id, received_at,
                                     tier24_until, tier48_until, expires_at, stocked_at)
        select id, product, lead_type, departement, postal_code, city, method, text_id, received_at, t24, t48, exp, ${now.toISOString()}::timestamptz
        from unnest(${col((c) => c.id)}::uuid[], ${col((c) => c.product)}::text[], ${col((c) => c.type)}::text[], ${col((c) => c.departement)}::text[],
                    ${col((c) => c.postal_code)}::text[], ${col((c) => c.city)}::text[], ${col((c) => c.method)}::text[],
                    ${col((c) => c.consent_text_id)}::uuid[],
                    ${col((c) => new Date(c.created_at).toISOString())}::timestamptz[],
                    ${col((_c, i) => deadlines[i]?.tier24Until.toISOString())}::timestamptz[],
                    ${col((_c, i) => deadlines[i]?.tier48Until.toISOString())}::timestamptz[],
                    ${col((_c, i) => deadlines[i]?.expiresAt.toISOString())}::timestamptz[])
             as u(id, product, lead_type, departement, postal_code, city, method, text_id, received_at, t24, t48, exp)
        on conflict (lead_id) do nothing
        returning 1
      ) select count(*)::int as n from ins`,
  );
  return stocked[0]?.n ?? 0;
}
