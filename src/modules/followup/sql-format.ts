import { type SQL, sql } from "drizzle-orm";

// Raw queries come back as text whose format differs between drivers (node-postgres, PGlite):
// format in SQL instead, so both give the same JSON.

/** timestamptz → "2026-06-01T08:00:00.000Z", or null. */
export const isoInstant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The name a person or a company is called by, as in clientDisplayName(). */
export const clientNameSql = (c: string) =>
  sql.raw(
    `coalesce(case when ${c}.type = 'entreprise' then ${c}.company_name end, nullif(concat_ws(' ', ${c}.first_name, ${c}.last_name), ''), ${c}.company_name, 'Client')`,
  );
