import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema";

/** A published wording of the consent text. Immutable (database triggers): a new wording is a new version. */
export const consentTexts = pgTable(
  "consent_texts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    version: text("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    sha256: text("sha256").notNull(),
    partners: jsonb("partners").$type<string[]>().notNull(),
    /** Categories of partners the text names (brokers/rules/partner-categories.ts): who a lead collected under it may be sold to. */
    partnerCategories: text("partner_categories").array().notNull().default(sql`'{}'::text[]`),
    publishedAt: timestamp("published_at", { withTimezone: true, precision: 3 }).notNull(),
    publishedBy: uuid("published_by").references(() => users.id),
  },
  (t) => [uniqueIndex("consent_texts_version_idx").on(t.version)],
);
