import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { supplierFormCodes } from "./schema";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
/** 10 characters of a 31-letter alphabet (no 0/o, 1/l/i): about 49 bits, short enough for a URL, unguessable. */
function newCode(): string {
  return [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** The supplier's public form code, made the first time it is asked for. */
export async function ensureSupplierCode(db: DbOrTx, orgId: string, now: Date): Promise<string> {
  const [found] = await db.select().from(supplierFormCodes).where(eq(supplierFormCodes.supplierOrgId, orgId));
  if (found) return found.code;
  await db
    .insert(supplierFormCodes)
    .values({ code: newCode(), supplierOrgId: orgId, createdAt: now })
    .onConflictDoNothing({ target: supplierFormCodes.supplierOrgId });
  const [made] = await db.select().from(supplierFormCodes).where(eq(supplierFormCodes.supplierOrgId, orgId));
  return (made as { code: string }).code;
}

// A code never changes owner: once found it is kept (misses go to the database, so a new code is found at once).
const known = new Map<string, { orgId: string; name: string }>();

/** The supplier organisation a code stands for (only supplier organisations have one), or null. */
export async function supplierOfCode(db: DbOrTx, code: string): Promise<{ orgId: string; name: string } | null> {
  if (!/^[a-z0-9]{4,20}$/.test(code)) return null;
  const hit = known.get(code);
  if (hit) return hit;
  const rows = (await db.execute(sql`
    select o.id, o.name from supplier_form_codes c join organisations o on o.id = c.supplier_org_id
    where c.code = ${code} and o.kind = 'apporteur'`)) as unknown as { rows: { id: string; name: string }[] };
  const row = rows.rows[0];
  if (!row) return null;
  if (known.size > 10_000) known.clear();
  known.set(code, { orgId: row.id, name: row.name });
  return { orgId: row.id, name: row.name };
}
