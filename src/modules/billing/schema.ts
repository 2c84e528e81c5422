import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";

import { LEDGER_KINDS, type LedgerKind } from "./rules/ledger-kinds";

export { LEDGER_KINDS, type LedgerKind };

/**
 * One prepaid wallet per brokerage. The balance is kept here, updated in the same transaction as the
 * ledger row that moves it, so a debit is one conditional UPDATE (row lock, no read-then-write race) and
 * the CHECK makes a negative balance impossible even for a bug. The ledger stays the truth: a test
 * proves the balance equals the sum of its rows after parallel debits.
 */
export const wallets = pgTable(
  "wallets",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organisations.id),
    balanceCents: integer("balance_cents").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("wallets_balance_not_negative", sql`${t.balanceCents} >= 0`)],
);

/** Every movement of credits, one row each, never updated: credits positive, debits negative (cents HT). */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    amountCents: integer("amount_cents").notNull(),
    balanceAfterCents: integer("balance_after_cents").notNull(),
    /** What the movement is for (payment, lead, order…): the same kind and reference moves credits once. */
    reference: text("reference").notNull(),
    description: text("description").notNull(),
    userId: uuid("user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("ledger_entries_reference_idx").on(t.orgId, t.kind, t.reference),
    index("ledger_entries_org_time_idx").on(t.orgId, t.createdAt),
    check("ledger_entries_amount_not_zero", sql`${t.amountCents} <> 0`),
    check("ledger_entries_balance_not_negative", sql`${t.balanceAfterCents} >= 0`),
  ],
);

export const PAYMENT_STATUSES = ["pending", "succeeded", "failed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_PROVIDERS = ["demo", "stripe"] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** A card payment, whatever it pays for (`purpose` names the handler run once when it succeeds). */
export const cardPayments = pgTable(
  "card_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id").references(() => users.id),
    /** What the card is charged, VAT included. */
    amountCents: integer("amount_cents").notNull(),
    purpose: text("purpose").notNull(),
    reference: text("reference").notNull(),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    providerPaymentId: text("provider_payment_id"),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("pending"),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("card_payments_provider_id_idx").on(t.provider, t.providerPaymentId),
    index("card_payments_org_idx").on(t.orgId, t.createdAt),
    check("card_payments_amount_positive", sql`${t.amountCents} > 0`),
  ],
);

/** The last invoice number of each year, locked in the invoice's transaction: numbers without gaps. */
export const invoiceCounters = pgTable("invoice_counters", {
  year: integer("year").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

export interface InvoiceParty {
  name: string;
  address: string;
  siren: string | null;
  vatNumber: string | null;
}

export interface InvoiceLine {
  label: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

export const INVOICE_KINDS = ["top_up", "card_purchase"] as const;

/** An issued invoice: what was printed, kept as issued (parties and lines are copies, not links). */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: INVOICE_KINDS }).notNull(),
    paymentId: uuid("payment_id").references(() => cardPayments.id),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    seller: jsonb("seller").$type<InvoiceParty>().notNull(),
    buyer: jsonb("buyer").$type<InvoiceParty>().notNull(),
    lines: jsonb("lines").$type<InvoiceLine[]>().notNull(),
    totalHtCents: integer("total_ht_cents").notNull(),
    vatRateBasisPoints: integer("vat_rate_basis_points").notNull(),
    vatCents: integer("vat_cents").notNull(),
    totalTtcCents: integer("total_ttc_cents").notNull(),
  },
  (t) => [
    uniqueIndex("invoices_number_idx").on(t.number),
    uniqueIndex("invoices_year_sequence_idx").on(t.year, t.sequence),
    uniqueIndex("invoices_payment_idx").on(t.paymentId),
    index("invoices_org_idx").on(t.orgId, t.issuedAt),
    check("invoices_totals", sql`${t.totalHtCents} + ${t.vatCents} = ${t.totalTtcCents}`),
  ],
);
