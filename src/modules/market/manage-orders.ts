import { and, desc, eq, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import { actorOf } from "../../platform/auth-context";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { notFound } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { parisLocalToUtcIso } from "../catalogue/rules/dates";
import { lastWeek, orderPeriods } from "./rules/order-periods";
import type { LeadType } from "./rules/sale-terms";
import { brokerOrders } from "./schema";

export interface OrderInput {
  name: string;
  products: string[];
  leadType: LeadType;
  departements: string[];
  weeklyCap: number;
  dailyCap: number | null;
}

export type Order = typeof brokerOrders.$inferSelect;

export interface OrderView extends Order {
  receivedThisWeek: number;
  receivedToday: number;
  receivedTotal: number;
  spentCents: number;
}

export async function createOrder(db: DbOrTx, auth: AuthContext, input: OrderInput, now: Date): Promise<Order> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .insert(brokerOrders)
      .values({
        id: uuidv7(now.getTime()),
        orgId: auth.orgId,
        ...normalised(input),
        status: "active",
        createdBy: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const created = order as Order;
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: "order.created",
      entityType: "order",
      entityId: created.id,
      data: { ...normalised(input) },
      occurredAt: now,
    });
    return created;
  });
}

export async function updateOrder(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
  input: Partial<OrderInput> & { status?: "active" | "paused" },
  now: Date,
): Promise<Order> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(brokerOrders)
      .set({ ...normalised(input), ...(input.status ? { status: input.status } : {}), updatedAt: now })
      .where(and(eq(brokerOrders.id, id), eq(brokerOrders.orgId, auth.orgId)))
      .returning();
    if (!order) throw notFound("Commande");
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: "order.updated",
      entityType: "order",
      entityId: id,
      data: { ...input },
      occurredAt: now,
    });
    return order;
  });
}

/** Sorted and deduplicated lists, so two orders asking the same thing read the same. */
function normalised<T extends Partial<OrderInput>>(input: T): T {
  const out = { ...input };
  if (input.products) out.products = [...new Set(input.products)].sort();
  if (input.departements) out.departements = [...new Set(input.departements)].sort();
  return out;
}

/** The caller's orders with what each received (this week, today, in all) and what it cost. */
export async function listOrders(db: DbOrTx, orgId: string, now: Date): Promise<OrderView[]> {
  const { week, day } = orderPeriods(now);
  const orders = await db.select().from(brokerOrders).where(eq(brokerOrders.orgId, orgId)).orderBy(desc(brokerOrders.createdAt));
  if (orders.length === 0) return [];
  const stats = await rawRows<{ order_id: string; week: number; day: number; total: number; spent: number }>(
    db,
    sql`
      select o.id as order_id,
        coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${week}), 0)::int as week,
        coalesce((select received from order_counters c where c.order_id = o.id and c.period = ${day}), 0)::int as day,
        (select count(*) from lead_sales s where s.order_id = o.id)::int as total,
        coalesce((select sum(price_cents) from lead_sales s where s.order_id = o.id), 0)::int as spent
      from broker_orders o where o.org_id = ${orgId}::uuid`,
  );
  const byId = new Map(stats.map((s) => [s.order_id, s]));
  return orders.map((o) => {
    const s = byId.get(o.id);
    return { ...o, receivedThisWeek: s?.week ?? 0, receivedToday: s?.day ?? 0, receivedTotal: s?.total ?? 0, spentCents: s?.spent ?? 0 };
  });
}

/** How many accepted leads last week (Monday to Sunday, Paris) match these criteria: what an order may expect. */
export async function previewOrder(
  db: DbOrTx,
  input: Pick<OrderInput, "products" | "leadType" | "departements">,
  now: Date,
): Promise<number> {
  const { from, to } = lastWeek(now);
  const start = parisMidnight(from);
  const end = parisMidnight(to);
  const zone = input.departements.length === 0 ? sql`true` : sql`departement = any(${sql.param(input.departements)}::text[])`;
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`
      select count(*)::int as n from leads
      where status = 'accepted' and type = ${input.leadType} and product = any(${sql.param(input.products)}::text[]) and ${zone}
        and created_at >= ${start}::timestamptz and created_at < ${end}::timestamptz`,
  );
  return row?.n ?? 0;
}

function parisMidnight(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return parisLocalToUtcIso({ year, month, day: date, hour: 0, minute: 0, second: 0 }) as string;
}
