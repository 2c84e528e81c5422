import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../accounts/schema";

/**
 * The public code that attributes a hosted form's leads to a supplier (`/f/<product>?a=<code>`): random,
 * not the organisation's id (never expose internal ids), one per supplier, made the first time the
 * supplier opens its embed snippet.
 */
export const supplierFormCodes = pgTable("supplier_form_codes", {
  code: text("code").primaryKey(),
  supplierOrgId: uuid("supplier_org_id")
    .notNull()
    .unique()
    .references(() => organisations.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * The forms served that came back: one lead per form served. The token's nonce is kept for the token's
 * life (MAX_AGE_MS), then purged each night (purge-form-tokens.ts); a replay within it is refused.
 */
export const spentFormTokens = pgTable("spent_form_tokens", {
  nonce: text("nonce").primaryKey(),
  spentAt: timestamp("spent_at", { withTimezone: true }).notNull(),
});
