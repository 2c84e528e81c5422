import { and, eq, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db, DbOrTx, Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { AppError } from "../../platform/errors";
import { appendAuditEvent, appendAuditEvents } from "../audit";
import { assertMayBuy } from "../brokers";
import { holdAtOnce, holdCreatedEvent } from "./hold-at-once";
import { leadForSale } from "./lead-for-sale";
import { priceInForce } from "./price-grid";
import { freshnessTierAt } from "./rules/freshness";
import { HOLD_MINUTES, type LeadType, type PriceTier } from "./rules/sale-terms";
import { type Hold, marketHolds } from "./schema";

/**
 * Reserves a marketplace lead for the caller while it pays: one holder at a time, for HOLD_MINUTES, at
 * the price in force now (kept on the hold). Idempotent per Idempotency-Key: the same key for the same
 * lead gives back the same hold (a double click, a retried request), for another lead it is refused.
 * The usual case takes two round trips (holdAtOnce); anything else is worked out in a transaction.
 */
export async function holdLead(db: Db, buyer: AuthContext, input: { leadId: string; idempotencyKey: string }, now: Date): Promise<Hold> {
  return (await holdAtOnce(db, buyer, input, now)) ?? holdLeadInTransaction(db, buyer, input, now);
}

/**
 * holdLead in a transaction (also alone in at-once.test.ts, which compares it with holdAtOnce).
 * The listing row is the lock: a conditional UPDATE takes the lead only if nobody holds it, so two
 * buyers racing for one lead get one hold and one clear refusal.
 */
export async function holdLeadInTransaction(
  db: DbOrTx,
  buyer: AuthContext,
  input: { leadId: string; idempotencyKey: string },
  now: Date,
): Promise<Hold> {
  return db.transaction(async (tx) => {
    const sameKey = async () => {
      const [previous] = await tx
        .select()
        .from(marketHolds)
        .where(and(eq(marketHolds.orgId, buyer.orgId), eq(marketHolds.idempotencyKey, input.idempotencyKey)));
      if (previous && previous.leadId !== input.leadId) throw new AppError("idempotency_key_reused", { field: "Idempotency-Key" });
      return previous;
    };
    const previous = await sameKey();
    if (previous) return previous;
    const until = new Date(now.getTime() + HOLD_MINUTES * 60_000);
    const at = sql`${now.toISOString()}::timestamptz`;
    const [taken] = await rawRows<{ product: string; lead_type: LeadType; tier24_until: string; tier48_until: string; expires_at: string }>(
      tx,
      sql`
        update market_listings set held_by = ${buyer.orgId}::uuid, hold_until = ${until.toISOString()}::timestamptz
        where lead_id = ${input.leadId}::uuid and sold_at is null and expires_at > ${at}
          and (hold_until is null or hold_until <= ${at})
        returning product, lead_type, tier24_until, tier48_until, expires_at`,
    );
    if (!taken) {
      // Lost to a request with the same key sent at the same moment (a double click: found by the §8
      // concurrency test): the UPDATE waited for that request's commit, so its hold is visible now and
      // is the answer, not "lead_on_hold".
      const raced = await sameKey();
      if (raced) return raced;
      throw await whyNotAvailable(tx, input.leadId, now);
    }
    // A brokerage that may not buy this lead does not hold it either (the refusal rolls the hold back).
    await assertMayBuy(tx, buyer.orgId, await leadForSale(tx, input.leadId));

    const tier = freshnessTierAt(
      { tier24Until: new Date(taken.tier24_until), tier48Until: new Date(taken.tier48_until), expiresAt: new Date(taken.expires_at) },
      now,
    ) as PriceTier;
    const price = await priceInForce(tx, { product: taken.product, leadType: taken.lead_type, channel: "marketplace", tier });
    if (!price)
      throw new AppError("lead_not_in_stock", { message: "Aucun prix n'est publié pour ce produit : le lead ne peut pas être vendu" });

    // A hold that expired without being swept would block the unique "one active hold" index.
    await tx
      .update(marketHolds)
      .set({ status: "expired", closedAt: now })
      .where(and(eq(marketHolds.leadId, input.leadId), eq(marketHolds.status, "active")));
    const [hold] = await tx
      .insert(marketHolds)
      .values({
        id: uuidv7(now.getTime()),
        leadId: input.leadId,
        orgId: buyer.orgId,
        userId: buyer.userId,
        idempotencyKey: input.idempotencyKey,
        priceCents: price.priceCents,
        priceVersion: price.version,
        tier,
        status: "active",
        createdAt: now,
        expiresAt: until,
      })
      .returning();
    const created = hold as Hold;
    await appendAuditEvent(tx, { actor: { orgId: buyer.orgId, userId: buyer.userId }, ...holdCreatedEvent(created), occurredAt: now });
    return created;
  });
}

/** The clear answer to a buyer who lost the race or came too late. */
async function whyNotAvailable(tx: Tx, leadId: string, now: Date): Promise<AppError> {
  const [row] = await rawRows<{ sold_at: string | null; expires_at: string; hold_until: string | null }>(
    tx,
    sql`select sold_at, expires_at, hold_until from market_listings where lead_id = ${leadId}::uuid`,
  );
  if (!row) return new AppError("lead_not_in_stock");
  if (row.sold_at) return new AppError("lead_already_sold");
  if (new Date(row.expires_at) <= now)
    return new AppError("lead_not_in_stock", { message: "Ce lead a dépassé 72 h ouvrées : il a quitté la salle de marché" });
  return new AppError("lead_on_hold");
}

/** Gives a lead back to the stock: the buyer cancelled, or its payment failed. */
export async function releaseHold(db: DbOrTx, buyer: AuthContext, holdId: string, now: Date, status: "released" | "failed" = "released") {
  await db.transaction(async (tx) => {
    const [hold] = await tx
      .update(marketHolds)
      .set({ status, closedAt: now })
      .where(and(eq(marketHolds.id, holdId), eq(marketHolds.orgId, buyer.orgId), eq(marketHolds.status, "active")))
      .returning();
    if (!hold) return;
    await tx.execute(sql`
      update market_listings set held_by = null, hold_until = null
      where lead_id = ${hold.leadId}::uuid and held_by = ${buyer.orgId}::uuid and sold_at is null`);
    await appendAuditEvent(tx, {
      actor: { orgId: buyer.orgId, userId: buyer.userId },
      action: `market.hold_${status}`,
      entityType: "market_hold",
      entityId: holdId,
      data: { leadId: hold.leadId },
      occurredAt: now,
    });
  });
}

/**
 * Closes the holds whose time is up (background job). Expiry does not depend on this sweep, which only
 * tidies: a hold past its end no longer blocks anyone (listing and holdLead compare hold_until with now),
 * so a restart, or a sweep that runs late, never leaves a lead stuck.
 */
export async function expireHolds(db: DbOrTx, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await rawRows<{ lead_id: string; org_id: string; id: string }>(
      tx,
      sql`
      with gone as (
        update market_holds set status = 'expired', closed_at = ${now.toISOString()}::timestamptz
        where status = 'active' and expires_at <= ${now.toISOString()}::timestamptz
        returning id, lead_id, org_id
      ), freed as (
        update market_listings l set held_by = null, hold_until = null from gone
        where l.lead_id = gone.lead_id and l.held_by = gone.org_id and l.hold_until <= ${now.toISOString()}::timestamptz
        returning l.lead_id
      ) select id, lead_id, org_id from gone`,
    );
    await appendAuditEvents(
      tx,
      expired.map((h) => ({
        actor: { orgId: h.org_id },
        action: "market.hold_expired",
        entityType: "market_hold",
        entityId: h.id,
        data: { leadId: h.lead_id },
        occurredAt: now,
      })),
    );
    return expired.length;
  });
}
