import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";
import { BROKER_ROLES } from "./rules/roles";

/**
 * The legal identity of a brokerage (an organisation of kind "courtier") and its ORIAS registration.
 * The source of truth for invoices (SIREN, VAT, address) and for who may buy which lead: until the
 * platform operator has checked the ORIAS registration (`verified_at`), the brokerage may look, not buy.
 */
export const brokerages = pgTable(
  "brokerages",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organisations.id),
    legalName: text("legal_name").notNull(),
    siren: text("siren").notNull(),
    vatNumber: text("vat_number").notNull(),
    addressLine: text("address_line").notNull(),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    oriasNumber: text("orias_number").notNull(),
    /** ORIAS registration categories (rules/orias-categories.ts): COA, AGA, MA, MIA, COBSP, MOBSPL, MOBSP, MIOBSP, CIF. */
    oriasCategories: text("orias_categories").array().notNull().default(sql`'{}'::text[]`),
    /** The partner categories of consent texts this brokerage belongs to (rules/partner-categories.ts), set by the operator. */
    partnerCategories: text("partner_categories").array().notNull().default(sql`'{}'::text[]`),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedBy: uuid("verified_by").references(() => users.id),
    refusedAt: timestamp("refused_at", { withTimezone: true }),
    refusedBy: uuid("refused_by").references(() => users.id),
    refusalReason: text("refusal_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("brokerages_siren_idx").on(t.siren),
    uniqueIndex("brokerages_orias_number_idx").on(t.oriasNumber),
    // The operator's queue: brokerages still to verify, oldest first.
    index("brokerages_pending_idx").on(t.createdAt).where(sql`${t.verifiedAt} is null`),
  ],
);

/** A colleague invited by a broker admin; the token is mailed, only its sha256 is kept. */
export const brokerInvitations = pgTable(
  "broker_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    email: text("email").notNull(),
    role: text("role", { enum: BROKER_ROLES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
  },
  (t) => [uniqueIndex("broker_invitations_token_idx").on(t.tokenHash), index("broker_invitations_org_idx").on(t.orgId, t.createdAt)],
);
