import { sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { pgArrayLiteral } from "../../platform/db/pg-array";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { AppError } from "../../platform/errors";
import { debitCreditsMany } from "../billing";
import { consentCovers, oriasAllows } from "../brokers";
import { recordSales } from "./record-sale";
import { orderPeriods } from "./rules/order-periods";
import { rankOrders } from "./rules/pick-order";
import type { LeadType } from "./rules/sale-terms";
import { type StockCandidate, stockCandidates } from "./stock-leads";

/** What routing needs of a lead, and what stocking needs when no order takes it (read once). */
interface LeadToRoute extends StockCandidate {
  type: LeadType;
}

/** Whom a consent text names as partners (what consentCovers compares a brokerage with). */
interface TextPartners {
  partners: string[];
  partnerCategories: string[];
}

interface OpenOrder {
  id: string;
  org_id: string;
  products: string[];
  lead_type: LeadType;
  departements: string[];
  weekly_cap: number;
  daily_cap: number | null;
  last_served_at: string | Date | null;
  created_at: string | Date;
  legal_name: string;
  orias_categories: string[];
  broker_partner_categories: string[];
  week: number;
  day: number;
}

export interface ExclusiveSale {
  leadId: string;
  orderId: string;
  buyerOrgId: string;
  product: string;
  priceCents: number;
}

/** A sale the batch decided, with the grid version of its price. */
interface PlannedSale extends ExclusiveSale {
  priceVersion: number;
}

/**
 * Exclusive routing of freshly accepted leads, in the caller's transaction: each lead goes to the
 * fairest matching order (rules/pick-order.ts) of a verified brokerage that its ORIAS categories allow
 * and its consent covers, with the credit to pay the exclusive price. What no order takes goes to the
 * marketplace stock.
 *
 * The batch is decided first, then written in a handful of statements whatever its size (it was a
 * savepoint and a dozen round trips per sale: 46 leads routed a second). The decision is exact because
 * nothing it read can change before the commit: the routing lock keeps other routers (and so every
 * writer of the order counters) out, and the wallets of the brokerages with active orders are locked
 * here; a marketplace purchase or a top-up of one of them waits for this commit. The database still has
 * the last word: the counters' update refuses to pass a cap, the wallets' update to go below zero, the
 * sales' unique index a second sale; any refusal rolls the batch back, to be routed again.
 */
export async function routeLeads(tx: Tx, leadIds: readonly string[], now: Date): Promise<{ sold: ExclusiveSale[]; stocked: number }> {
  if (leadIds.length === 0) return { sold: [], stocked: 0 };
  // One router at a time across instances (found by the §8 concurrency test): two instances routing at
  // once lock the same hot orders and wallets in opposite orders and PostgreSQL kills one of them
  // (deadlock). Instances still claim their own batches with SKIP LOCKED; they route them in turn.
  // Released at commit or rollback.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('market.route-leads'))`);
  const leads = await rawRows<LeadToRoute>(
    tx,
    sql`
      select l.id, l.product, l.type, l.departement, l.postal_code, l.city, l.created_at,
             k.method, k.consent_text_id
      from leads l join lead_consents k on k.lead_id = l.id
      where l.id = any(${pgArrayLiteral(leadIds)}::uuid[]) and l.status = 'accepted'
        and not exists (select 1 from lead_sales s where s.lead_id = l.id)
        and not exists (select 1 from market_listings m where m.lead_id = l.id)
      order by l.created_at, l.id`,
  );
  const { week, day } = orderPeriods(now);
  const orders = await rawRows<OpenOrder>(
    tx,
    sql`
      select o.id, o.org_id, o.products, o.lead_type, o.departements, o.weekly_cap, o.daily_cap, o.last_served_at, o.created_at,
             b.legal_name, b.orias_categories, b.partner_categories as broker_partner_categories,
             coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${week}), 0)::int as week,
             coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${day}), 0)::int as day
      from broker_orders o
      join brokerages b on b.org_id = o.org_id and b.verified_at is not null
      where o.status = 'active'`,
  );
  const balances = await lockWallets(tx, [...new Set(orders.map((o) => o.org_id))]);
  const prices = await exclusivePrices(tx);
  const texts = await textPartners(tx, leads);
  const sold: PlannedSale[] = [];
  const unsold: LeadToRoute[] = [];

  for (const lead of leads) {
    const price = prices.get(`${lead.product}|${lead.type}`);
    const taken = price && pickOrder(lead, texts.get(lead.consent_text_id), orders, balances, price.priceCents);
    if (!taken || !price) {
      unsold.push(lead);
      continue;
    }
    taken.week++;
    taken.day++;
    taken.last_served_at = now;
    balances.set(taken.org_id, (balances.get(taken.org_id) ?? 0) - price.priceCents);
    sold.push({
      leadId: lead.id,
      orderId: taken.id,
      buyerOrgId: taken.org_id,
      product: lead.product,
      priceCents: price.priceCents,
      priceVersion: price.version,
    });
  }
  await writeExclusiveSales(tx, sold, orders, { week, day }, now);
  const stocked = await stockCandidates(tx, unsold, now);
  return { sold, stocked };
}

/** The wallets of these brokerages, locked until the commit (in one order, so no deadlock), by brokerage. */
async function lockWallets(tx: Tx, orgIds: readonly string[]): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await rawRows<{ org_id: string; balance_cents: number }>(
    tx,
    sql`select org_id, balance_cents from wallets where org_id = any(${sql.param(orgIds)}::uuid[]) order by org_id for update`,
  );
  return new Map(rows.map((r) => [r.org_id, r.balance_cents]));
}

/**
 * The partners named by the consent texts of these leads, read once per text: a batch's leads share a
 * handful of texts, and the arrays read per lead cost more to parse than the rest of the lead.
 */
async function textPartners(tx: Tx, leads: readonly LeadToRoute[]): Promise<Map<string, TextPartners>> {
  if (leads.length === 0) return new Map();
  const rows = await rawRows<{ id: string; partners: string[]; partner_categories: string[] }>(
    tx,
    sql`select id, partners, partner_categories from consent_texts
        where id = any(${sql.param([...new Set(leads.map((l) => l.consent_text_id))])}::uuid[])`,
  );
  return new Map(rows.map((t) => [t.id, { partners: t.partners, partnerCategories: t.partner_categories }]));
}

/** The fairest order that may take this lead now, given what the batch has already given out. */
function pickOrder(
  lead: LeadToRoute,
  text: TextPartners | undefined,
  orders: OpenOrder[],
  balances: Map<string, number>,
  priceCents: number,
): OpenOrder | undefined {
  if (!text) return undefined;
  const eligible = orders.filter(
    (o) =>
      o.lead_type === lead.type &&
      o.products.includes(lead.product) &&
      (o.departements.length === 0 || (lead.departement !== null && o.departements.includes(lead.departement))) &&
      o.week < o.weekly_cap &&
      (o.daily_cap === null || o.day < o.daily_cap) &&
      (balances.get(o.org_id) ?? 0) >= priceCents &&
      oriasAllows(lead.product, o.orias_categories) &&
      consentCovers(text, { legalName: o.legal_name, partnerCategories: o.broker_partner_categories }),
  );
  return rankOrders(
    eligible.map((o) => ({
      order: o,
      id: o.id,
      weeklyCap: o.weekly_cap,
      receivedThisWeek: o.week,
      lastServedAt: o.last_served_at ? new Date(o.last_served_at) : null,
      createdAt: new Date(o.created_at),
    })),
  )[0]?.order;
}

/** The batch's sales: counters, debits, sales with their evidence and deliveries, orders' last service. */
async function writeExclusiveSales(
  tx: Tx,
  sold: readonly PlannedSale[],
  orders: readonly OpenOrder[],
  periods: { week: string; day: string },
  now: Date,
) {
  if (sold.length === 0) return;
  const servedIds = new Set(sold.map((s) => s.orderId));
  const served = orders.filter((o) => servedIds.has(o.id));
  await countReceived(tx, sold, served, periods);
  const sales = sold.map((s) => ({ ...s, id: uuidv7(now.getTime()) }));
  await debitCreditsMany(
    tx,
    sales.map((s) => ({
      orgId: s.buyerOrgId,
      amountCents: s.priceCents,
      kind: "exclusive_sale" as const,
      reference: s.id,
      description: `Lead exclusif (commande « ${s.orderId.slice(0, 8)} »)`,
      now,
    })),
  );
  await recordSales(
    tx,
    sales.map((s) => ({
      id: s.id,
      leadId: s.leadId,
      buyerOrgId: s.buyerOrgId,
      buyerUserId: null,
      channel: "exclusive" as const,
      orderId: s.orderId,
      holdId: null,
      priceCents: s.priceCents,
      priceVersion: s.priceVersion,
      tier: "24h" as const,
      paidWith: "credits" as const,
      paymentRef: s.id,
    })),
    now,
  );
  await tx.execute(
    sql`update broker_orders set last_served_at = ${now.toISOString()}::timestamptz where id = any(${sql.param(served.map((o) => o.id))}::uuid[])`,
  );
}

/**
 * Adds the batch's leads to each served order's week and day counters, and reads the totals back: past a
 * cap (which the routing lock makes impossible, unless a bug) the batch is refused and rolls back.
 */
async function countReceived(tx: Tx, sold: readonly PlannedSale[], served: readonly OpenOrder[], periods: { week: string; day: string }) {
  const given = new Map<string, number>();
  for (const s of sold) given.set(s.orderId, (given.get(s.orderId) ?? 0) + 1);
  const rows = served.flatMap((o) => [
    { id: o.id, period: periods.week, n: given.get(o.id) as number },
    { id: o.id, period: periods.day, n: given.get(o.id) as number },
  ]);
  const totals = await rawRows<{ order_id: string; period: string; received: number }>(
    tx,
    sql`
      insert into order_counters (order_id, period, received)
      select * from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.period))}::text[],
                           ${sql.param(rows.map((r) => r.n))}::int[])
      on conflict (order_id, period) do update set received = order_counters.received + excluded.received
      returning order_id, period, received`,
  );
  const caps = new Map(served.map((o) => [o.id, o]));
  const over = totals.some((t) => {
    const order = caps.get(t.order_id) as OpenOrder;
    const cap = t.period === periods.week ? order.weekly_cap : order.daily_cap;
    return cap !== null && t.received > cap;
  });
  if (over) throw new AppError("conflict", { message: "Plafond de commande dépassé pendant le routage" });
}

/** The exclusive price under 24 business hours, per product and type, of the grid in force. */
async function exclusivePrices(tx: Tx): Promise<Map<string, { priceCents: number; version: number }>> {
  const rows = await rawRows<{ product: string; lead_type: string; price_cents: number; version: number }>(
    tx,
    sql`
      select product, lead_type, price_cents, version from prices
      where version = (select max(version) from price_grids) and channel = 'exclusive' and tier = '24h'`,
  );
  return new Map(rows.map((r) => [`${r.product}|${r.lead_type}`, { priceCents: r.price_cents, version: r.version }]));
}
