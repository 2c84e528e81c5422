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
