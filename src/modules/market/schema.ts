import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";
import { leads } from "../intake/schema";

import { LEAD_TYPES, PRICE_TIERS, SALE_CHANNELS } from "./rules/sale-terms";

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One published price grid. A change is a new version: a sale keeps the version and price it was sold at. */
export const priceGrids = pgTable("price_grids", {
  version: integer("version").primaryKey(),
  publishedAt: ts("published_at").notNull(),
  publishedBy: uuid("published_by").references(() => users.id),
  note: text("note").notNull(),
});

/** Every price of a version: product × type × channel × freshness tier, in euro cents excluding VAT. */
export const prices = pgTable(
  "prices",
  {
    version: integer("version")
      .notNull()
      .references(() => priceGrids.version),
    product: text("product").notNull(),
    leadType: text("lead_type", { enum: LEAD_TYPES }).notNull(),
    channel: text("channel", { enum: SALE_CHANNELS }).notNull(),
    tier: text("tier", { enum: PRICE_TIERS }).notNull(),
    priceCents: integer("price_cents").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.version, t.product, t.leadType, t.channel, t.tier] }),
    check("prices_positive", sql`${t.priceCents} > 0`),
  ],
);

/**
 * The marketplace stock: one row per accepted lead that was not sold in exclusivity, with what a buyer may
 * see before buying (never the name, phone or e-mail) and its freshness deadlines, computed once in
 * business hours so that the listing filters tiers with plain comparisons. A hold is kept on the row
 * (holder and end) so that "available" is one indexed condition; the hold's history is in market_holds.
 */
export const marketListings = pgTable(
  "market_listings",
  {
    // No foreign key to leads: a listing is only ever made from a lead the router has just read, leads
    // refuse DELETE (evidence), and a sale references the lead itself. The key's check locked each lead
    // row again as it was stocked: about 8 % of PostgreSQL's CPU in a CSV import (decision 006).
    leadId: uuid("lead_id").primaryKey(),
    product: text("product").notNull(),
    leadType: text("lead_type", { enum: LEAD_TYPES }).notNull(),
    departement: text("departement"),
    postalCode: text("postal_code"),
    city: text("city"),
    consentMethod: text("consent_method").notNull(),
    /** The consent text the prospect accepted: the listing shows a brokerage only the leads whose text covers it. */
    consentTextId: uuid("consent_text_id"),
    receivedAt: ts("received_at").notNull(),
    tier24Until: ts("tier24_until").notNull(),
    tier48Until: ts("tier48_until").notNull(),
    expiresAt: ts("expires_at").notNull(),
    stockedAt: ts("stocked_at").notNull(),
    heldBy: uuid("held_by").references(() => organisations.id),
    holdUntil: ts("hold_until"),
    soldAt: ts("sold_at"),
  },
  (t) => [
    // With a département filter, each price group reads its leads of that département in reception order.
    index("market_listings_open_idx").on(t.product, t.leadType, t.departement, t.receivedAt.desc()).where(sql`${t.soldAt} is null`),
    // The listing reads each price group (product, type, tier) in reception order (list-market.ts).
    index("market_listings_open_type_idx").on(t.product, t.leadType, t.receivedAt.desc()).where(sql`${t.soldAt} is null`),
  ],
);

export const HOLD_STATUSES = ["active", "paid", "released", "expired", "failed"] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** A broker's short reservation of a marketplace lead while paying. One active hold per lead at a time. */
export const marketHolds = pgTable(
  "market_holds",
  {
    id: uuid("id").primaryKey(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id").references(() => users.id),
    idempotencyKey: text("idempotency_key").notNull(),
    priceCents: integer("price_cents").notNull(),
    priceVersion: integer("price_version").notNull(),
    tier: text("tier", { enum: PRICE_TIERS }).notNull(),
    status: text("status", { enum: HOLD_STATUSES }).notNull(),
    createdAt: ts("created_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    closedAt: ts("closed_at"),
    paymentRef: text("payment_ref"),
  },
  (t) => [
    uniqueIndex("market_holds_idempotency_idx").on(t.orgId, t.idempotencyKey),
    uniqueIndex("market_holds_one_active_idx").on(t.leadId).where(sql`${t.status} = 'active'`),
    index("market_holds_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'active'`),
  ],
);

export type Hold = typeof marketHolds.$inferSelect;

/** A broker's standing order for exclusive leads. */
export const brokerOrders = pgTable(
  "broker_orders",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    products: text("products").array().notNull(),
    leadType: text("lead_type", { enum: LEAD_TYPES }).notNull(),
    /** Empty: all of France. */
    departements: text("departements").array().notNull(),
    weeklyCap: integer("weekly_cap").notNull(),
    dailyCap: integer("daily_cap"),
    status: text("status", { enum: ["active", "paused"] }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    /** When it last received a lead: ties in the rotation go to the order served longest ago. */
    lastServedAt: ts("last_served_at"),
  },
  (t) => [
    index("broker_orders_org_idx").on(t.orgId, t.createdAt),
    // Every intake statement asks whether an active order wants each of its products (store-leads.ts): one
    // probe per product, however many orders the platform holds.
    index("broker_orders_active_products_idx").using("gin", t.products).where(sql`${t.status} = 'active'`),
    check("broker_orders_caps", sql`${t.weeklyCap} > 0 and (${t.dailyCap} is null or ${t.dailyCap} > 0)`),
  ],
);

/** Leads an order received per Paris week and day ("W2026-12-01" is the week starting that Monday, "D2026-12-03" a day). */
export const orderCounters = pgTable(
  "order_counters",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => brokerOrders.id),
    period: text("period").notNull(),
    received: integer("received").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.period] })],
);

/**
 * A sale: evidence, like the lead. The lead id is unique, so the database itself refuses a second sale of
 * one lead whatever the code path; rows are append-only (triggers) and each is committed into the audit chain.
 */
export const leadSales = pgTable(
  "lead_sales",
  {
    id: uuid("id").primaryKey(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
    buyerOrgId: uuid("buyer_org_id")
      .notNull()
      .references(() => organisations.id),
    buyerUserId: uuid("buyer_user_id").references(() => users.id),
    channel: text("channel", { enum: SALE_CHANNELS }).notNull(),
    orderId: uuid("order_id").references(() => brokerOrders.id),
    holdId: uuid("hold_id").references(() => marketHolds.id),
    priceCents: integer("price_cents").notNull(),
    priceVersion: integer("price_version").notNull(),
    tier: text("tier", { enum: PRICE_TIERS }).notNull(),
    paidWith: text("paid_with", { enum: ["credits", "card"] }).notNull(),
    paymentRef: text("payment_ref"),
    soldAt: ts("sold_at").notNull(),
  },
  (t) => [
    uniqueIndex("lead_sales_lead_idx").on(t.leadId),
    index("lead_sales_buyer_idx").on(t.buyerOrgId, t.soldAt),
    index("lead_sales_order_idx").on(t.orderId, t.soldAt),
  ],
);
