import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../platform/db/client";
import type { LeadFilters } from "./api";
import { leads } from "./schema";

export type { LeadFilters };

const parisDay = (d: string) => sql`(${d}::date::timestamp at time zone 'Europe/Paris')`;

export function leadConditions(orgId: string, f: LeadFilters): SQL {
  const conds: (SQL | undefined)[] = [eq(leads.supplierOrgId, orgId)];
  if (f.status) conds.push(eq(leads.status, f.status));
  if (f.product) conds.push(eq(leads.product, f.product));
  if (f.channel) conds.push(eq(leads.channel, f.channel));
  if (f.importId) conds.push(eq(leads.importId, f.importId));
  if (f.from) conds.push(gte(leads.createdAt, parisDay(f.from)));
  if (f.to) conds.push(lt(leads.createdAt, sql`${parisDay(f.to)} + interval '1 day'`));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    conds.push(
      or(
        ilike(leads.lastName, like),
        ilike(leads.firstName, like),
        ilike(leads.email, like),
        ilike(leads.phone, like),
        ilike(leads.externalRef, like),
      ),
    );
  }
  return and(...conds) as SQL;
}

export const leadSummaryColumns = {
  id: leads.id,
  product: leads.product,
  status: leads.status,
  reasons: leads.reasons,
  channel: leads.channel,
  externalRef: leads.externalRef,
  firstName: leads.firstName,
  lastName: leads.lastName,
  phone: leads.phone,
  email: leads.email,
  postalCode: leads.postalCode,
  city: leads.city,
  createdAt: leads.createdAt,
};

/** Past this many, the list says "plus de 10 000": counting millions of rows exactly for a footer is not worth it. */
export const LEAD_COUNT_CAP = 10_000;

/** How many leads match the filters, exact up to LEAD_COUNT_CAP (the scan stops there). */
export async function countLeads(
  db: DbOrTx,
  orgId: string,
  f: LeadFilters,
  cap = LEAD_COUNT_CAP,
): Promise<{ count: number; exact: boolean }> {
  const capped = db
    .select({ one: sql`1` })
    .from(leads)
    .where(leadConditions(orgId, f))
    .limit(cap + 1)
    .as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = row?.n ?? 0;
  return n > cap ? { count: cap, exact: false } : { count: n, exact: true };
}

/** Newest first, keyset-paginated on (created_at, id) so deep pages stay fast. */
export async function listLeads(
  db: DbOrTx,
  orgId: string,
  f: LeadFilters,
  page: { limit: number; before?: { createdAt: Date; id: string } },
) {
  const where = page.before
    ? and(leadConditions(orgId, f), sql`(${leads.createdAt}, ${leads.id}) < (${page.before.createdAt}, ${page.before.id})`)
    : leadConditions(orgId, f);
  const rows = await db
    .select(leadSummaryColumns)
    .from(leads)
    .where(where)
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

export const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

export function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) return undefined;
  return { createdAt, id };
}
