import { sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { AppError } from "../../platform/errors";
import { debitCredits } from "../billing";
import { consentCovers, oriasAllows } from "../brokers";
import { recordSale } from "./record-sale";
import { orderPeriods } from "./rules/order-periods";
import { rankOrders } from "./rules/pick-order";
import type { LeadType } from "./rules/sale-terms";
import { stockLeads } from "./stock-leads";

interface LeadToRoute {
  id: string;
  product: string;
  lead_type: LeadType;
  departement: string | null;
  partners: string[];
  partner_categories: string[];
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
  balance_cents: number;
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

/**
 * Exclusive routing of freshly accepted leads, in the caller's transaction: each lead goes to the
 * fairest matching order (rules/pick-order.ts) of a verified brokerage that its ORIAS categories allow
 * and its consent covers, with the credit to pay the exclusive price; the order's caps and the wallet are
 * checked again by the database as the sale is written (a conditional counter update, a debit that cannot
 * go below zero), so concurrent routers and marketplace purchases can never overrun them. A candidate
 * that fails there (its wallet emptied meanwhile) is skipped for the next one. What no order takes goes
 * to the marketplace stock.
 */
export async function routeLeads(tx: Tx, leadIds: readonly string[], now: Date): Promise<{ sold: ExclusiveSale[]; stocked: number }> {
  if (leadIds.length === 0) return { sold: [], stocked: 0 };
  // One router at a time across instances (found by the §8 concurrency test): a batch locks the counters,
  // orders and wallets of every order it serves, in the order its leads come, until it commits; two
  // instances routing at once lock the same hot orders in opposite orders and PostgreSQL kills one of them
  // (deadlock), the whole batch rolled back and routed again. Instances still claim their own batches with
  // SKIP LOCKED; they route them in turn. Released at commit or rollback.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('market.route-leads'))`);
  const leads = await rawRows<LeadToRoute>(
    tx,
    sql`
      select l.id, l.product, l.type as lead_type, l.departement, t.partners, t.partner_categories
      from leads l join lead_consents k on k.lead_id = l.id join consent_texts t on t.id = k.consent_text_id
      where l.id = any(${sql.param(leadIds)}::uuid[]) and l.status = 'accepted'
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
             coalesce(w.balance_cents, 0)::int as balance_cents,
             coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${week}), 0)::int as week,
             coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${day}), 0)::int as day
      from broker_orders o
      join brokerages b on b.org_id = o.org_id and b.verified_at is not null
      left join wallets w on w.org_id = o.org_id
      where o.status = 'active'`,
  );
  const prices = await exclusivePrices(tx);
  const sold: ExclusiveSale[] = [];
  const unsold: string[] = [];

  for (const lead of leads) {
    const price = prices.get(`${lead.product}|${lead.lead_type}`);
    const eligible =
      price === undefined
        ? []
        : orders.filter(
            (o) =>
              o.lead_type === lead.lead_type &&
              o.products.includes(lead.product) &&
              (o.departements.length === 0 || (lead.departement !== null && o.departements.includes(lead.departement))) &&
              o.week < o.weekly_cap &&
              (o.daily_cap === null || o.day < o.daily_cap) &&
              o.balance_cents >= price.priceCents &&
              oriasAllows(lead.product, o.orias_categories) &&
              consentCovers(
                { partners: lead.partners, partnerCategories: lead.partner_categories },
                { legalName: o.legal_name, partnerCategories: o.broker_partner_categories },
              ),
          );
    const ranked = rankOrders(
      eligible.map((o) => ({
        ...o,
        weeklyCap: o.weekly_cap,
        receivedThisWeek: o.week,
        lastServedAt: o.last_served_at ? new Date(o.last_served_at) : null,
        createdAt: new Date(o.created_at),
      })),
    );
    let taken: OpenOrder | undefined;
    for (const order of ranked) {
      if (price && (await trySell(tx, lead, order, price, { week, day }, now))) {
        taken = order;
        break;
      }
    }
    if (taken && price) {
      taken.week++;
      taken.day++;
      taken.balance_cents -= price.priceCents;
      taken.last_served_at = now;
      sold.push({ leadId: lead.id, orderId: taken.id, buyerOrgId: taken.org_id, product: lead.product, priceCents: price.priceCents });
    } else unsold.push(lead.id);
  }
  const stocked = await stockLeads(tx, unsold, now);
  return { sold, stocked };
}

/** One attempt, in a savepoint: counters within caps, debit, sale. False when the database says no. */
async function trySell(
  tx: Tx,
  lead: LeadToRoute,
  order: OpenOrder,
  price: { priceCents: number; version: number },
  periods: { week: string; day: string },
  now: Date,
): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => {
      const counted = await rawRows<{ period: string }>(
        sp,
        sql`
          insert into order_counters (order_id, period, received)
          values (${order.id}::uuid, ${periods.week}, 1), (${order.id}::uuid, ${periods.day}, 1)
          on conflict (order_id, period) do update set received = order_counters.received + 1
          where (order_counters.period = ${periods.week} and order_counters.received < ${order.weekly_cap})
             or (order_counters.period = ${periods.day} and (${order.daily_cap}::int is null or order_counters.received < ${order.daily_cap}::int))
          returning period`,
      );
      if (counted.length < 2) throw new AppError("conflict", { message: "Plafond de la commande atteint" });
      const saleId = uuidv7(now.getTime());
      await debitCredits(sp, {
        orgId: order.org_id,
        amountCents: price.priceCents,
        kind: "exclusive_sale",
        reference: saleId,
        description: `Lead exclusif (commande « ${order.id.slice(0, 8)} »)`,
        now,
      });
      await recordSale(
        sp,
        {
          id: saleId,
          leadId: lead.id,
          buyerOrgId: order.org_id,
          buyerUserId: null,
          channel: "exclusive",
          orderId: order.id,
          holdId: null,
          priceCents: price.priceCents,
          priceVersion: price.version,
          tier: "24h",
          paidWith: "credits",
          paymentRef: saleId,
        },
        now,
      );
      await sp.execute(sql`update broker_orders set last_served_at = ${now.toISOString()}::timestamptz where id = ${order.id}::uuid`);
    });
    return true;
  } catch (e) {
    if (e instanceof AppError && (e.code === "conflict" || e.code === "insufficient_credits")) return false;
    throw e;
  }
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
