import { and, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { walletBalance } from "./move-credits";
import { ledgerEntries } from "./schema";

/** The wallet's balance and its latest movements, newest first. */
export async function listLedger(db: DbOrTx, orgId: string, opts: { limit: number; offset: number }) {
  const where = and(eq(ledgerEntries.orgId, orgId));
  const [items, [total], balanceCents] = await Promise.all([
    db
      .select({
        id: ledgerEntries.id,
        kind: ledgerEntries.kind,
        amountCents: ledgerEntries.amountCents,
        balanceAfterCents: ledgerEntries.balanceAfterCents,
        description: ledgerEntries.description,
        createdAt: ledgerEntries.createdAt,
      })
      .from(ledgerEntries)
      .where(where)
      .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(ledgerEntries).where(where),
    walletBalance(db, orgId),
  ]);
  return { balanceCents, items, total: total?.n ?? 0 };
}
