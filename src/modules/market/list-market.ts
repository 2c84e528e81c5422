import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { buyableScope } from "../brokers";
import { businessHoursBetween } from "./rules/freshness";
import type { LeadType, PriceTier } from "./rules/sale-terms";

export interface MarketFilters {
  product?: string;
  leadType?: LeadType;
  departement?: string;
  tier?: PriceTier;
  minPriceCents?: number;
  maxPriceCents?: number;
  sort: "recent" | "oldest" | "price_asc" | "price_desc";
  page: number;
  pageSize: number;
}

export interface MarketItem {
  leadId: string;
  product: string;
  leadType: LeadType;
  departement: string | null;
  postalCode: string | null;
  city: string | null;
  consentMethod: string;
  receivedAt: Date;
  businessHours: number;
  tier: PriceTier;
  priceCents: number;
  priceVersion: number;
  expiresAt: Date;
  /** The caller's own hold on it, if any. */
  heldUntil: Date | null;
}

/** Past this many matches the total reads "10 000+": counting a million rows for a page header is not worth 100 ms. */
export const TOTAL_CAP = 10_000;

interface Row {
  lead_id: string;
  product: string;
  lead_type: LeadType;
  departement: string | null;
  postal_code: string | null;
  city: string | null;
  consent_method: string;
  received_at: string | Date;
  tier: PriceTier;
  price_cents: number;
  version: number;
  expires_at: string | Date;
  hold_until: string | Date | null;
  held_by: string | null;
}

/**
 * The leads a broker may buy now: in stock, not sold, not expired, not held by another buyer. What is
 * shown is what the spec allows before purchase: product, zone, freshness, price and the consent method
 * (never the name, phone or e-mail, which this query does not even read). Only what this brokerage may
 * buy: products its ORIAS categories allow, leads whose consent text covers it (brokers' buyableScope,
 * the rules every sale checks), so a broker is never shown a lead only to be refused at payment.
 */
export async function listMarket(
  db: DbOrTx,
  viewerOrgId: string,
  f: MarketFilters,
  now: Date,
): Promise<{ items: MarketItem[]; total: number; totalCapped: boolean }> {
  const scope = await buyableScope(db, viewerOrgId);
  if (!scope) return { items: [], total: 0, totalCapped: false };
  const at = sql`${now.toISOString()}::timestamptz`;
  const tierOf = sql`(case when l.tier24_until > ${at} then '24h' when l.tier48_until > ${at} then '48h' else '72h' end)`;
  const where: SQL[] = [
    sql`l.sold_at is null`,
    sql`l.expires_at > ${at}`,
    sql`(l.hold_until is null or l.hold_until <= ${at} or l.held_by = ${viewerOrgId}::uuid)`,
  ];
  if (scope.products) where.push(sql`l.product = any(${sql.param(scope.products)}::text[])`);
  if (scope.consentTextIds) where.push(sql`l.consent_text_id = any(${sql.param(scope.consentTextIds)}::uuid[])`);
  if (f.product) where.push(sql`l.product = ${f.product}`);
  if (f.leadType) where.push(sql`l.lead_type = ${f.leadType}`);
  if (f.departement) where.push(sql`l.departement = ${f.departement}`);
  if (f.tier === "24h") where.push(sql`l.tier24_until > ${at}`);
  if (f.tier === "48h") where.push(sql`l.tier24_until <= ${at} and l.tier48_until > ${at}`);
  if (f.tier === "72h") where.push(sql`l.tier48_until <= ${at}`);
  const byPrice: SQL[] = [];
  if (f.minPriceCents !== undefined) byPrice.push(sql`p.price_cents >= ${f.minPriceCents}`);
  if (f.maxPriceCents !== undefined) byPrice.push(sql`p.price_cents <= ${f.maxPriceCents}`);
  const priced = sql`
    join prices p on p.version = (select max(version) from price_grids) and p.product = l.product
      and p.lead_type = l.lead_type and p.channel = 'marketplace' and p.tier = ${tierOf}`;
  const from = sql`from market_listings l ${priced} where ${sql.join([...where, ...byPrice], sql` and `)}`;
  // Every listing has its price (the grid covers every product, type and tier), so counting needs the
  // price join only when a price filter asks for it: one index walk instead of a lookup per row.
  const counted = byPrice.length > 0 ? from : sql`from market_listings l where ${sql.join(where, sql` and `)}`;
  const order = {
    recent: sql`l.received_at desc, l.lead_id`,
    oldest: sql`l.received_at asc, l.lead_id`,
    price_asc: sql`p.price_cents asc, l.received_at desc, l.lead_id`,
    price_desc: sql`p.price_cents desc, l.received_at desc, l.lead_id`,
  }[f.sort];
  const [rows, count] = await Promise.all([
    rawRows<Row>(
      db,
      sql`
      select l.lead_id, l.product, l.lead_type, l.departement, l.postal_code, l.city, l.consent_method, l.received_at,
             ${tierOf} as tier, p.price_cents, p.version, l.expires_at, l.hold_until, l.held_by
      ${from} order by ${order} limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
    ),
    rawRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 ${counted} limit ${TOTAL_CAP + 1}) capped`),
  ]);
  const n = count[0]?.n ?? 0;
  return {
    items: rows.map((r) => {
      const receivedAt = new Date(r.received_at);
      const mine = r.held_by === viewerOrgId && r.hold_until !== null && new Date(r.hold_until) > now;
      return {
        leadId: r.lead_id,
        product: r.product,
        leadType: r.lead_type,
        departement: r.departement,
        postalCode: r.postal_code,
        city: r.city,
        consentMethod: r.consent_method,
        receivedAt,
        businessHours: Math.floor(businessHoursBetween(receivedAt, now, r.departement) * 10) / 10,
        tier: r.tier,
        priceCents: r.price_cents,
        priceVersion: r.version,
        expiresAt: new Date(r.expires_at),
        heldUntil: mine ? new Date(r.hold_until as string | Date) : null,
      };
    }),
    total: Math.min(n, TOTAL_CAP),
    totalCapped: n > TOTAL_CAP,
  };
}
