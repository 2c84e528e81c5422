import { type SQL, sql } from "drizzle-orm";
import { pgArrayLiteral } from "../../platform/db/pg-array";
import { type BulkAuditEvent, bulkEvent } from "../audit";
import { type CreditMovement, checkAmount, DEBIT_KINDS, ledgerEventOf, ledgerRowOf } from "./move-credits";

/** A debit for a statement that sells, with the wallet's balance as the caller read it. */
export interface DebitRead {
  movement: CreditMovement;
  balanceRead: number;
}

/**
 * Debits as part of a larger statement (market/pay-at-once.ts), for a caller that read the wallets'
 * balances just before without locking them: each wallet moves only if its balance is still the one read,
 * so the balances written in the ledger rows and signed in their events are exact. Debits of one brokerage
 * follow each other from the balance read (its first debit's `balanceRead` counts). `applied` is the
 * condition the statement's guard must check (false: a balance moved meanwhile, or one would go below zero;
 * do it again with debitCredits). The caller inserts `events` (one per debit, in order) with its other
 * events, for each wallet's brokerage and user.
 */
export function debitsAtOnce(debits: readonly DebitRead[]): { ctes: [string, SQL][]; applied: SQL; events: BulkAuditEvent[] } {
  const wallets = new Map<string, { before: number; after: number }>();
  const rows = debits.map(({ movement: m, balanceRead }) => {
    checkAmount(m, DEBIT_KINDS);
    const wallet = wallets.get(m.orgId) ?? { before: balanceRead, after: balanceRead };
    wallet.after -= m.amountCents;
    wallets.set(m.orgId, wallet);
    return ledgerRowOf(m, -m.amountCents, wallet.after);
  });
  const at = debits[0]?.movement.now.toISOString() ?? null;
  const walletColumn = (pick: (w: [string, { before: number; after: number }]) => string | number) =>
    pgArrayLiteral([...wallets].map(pick));
  const rowColumn = (pick: (r: (typeof rows)[number]) => string | number | null) => pgArrayLiteral(rows.map(pick));
  return {
    ctes: [
      [
        "debited_wallet",
        sql`update wallets w set balance_cents = d.after, updated_at = ${at}::timestamptz
            from unnest(${walletColumn(([orgId]) => orgId)}::uuid[], ${walletColumn(([, w]) => w.before)}::int[],
                        ${walletColumn(([, w]) => w.after)}::int[]) as d(org_id, before, after)
            where w.org_id = d.org_id and w.balance_cents = d.before and d.after >= 0 returning w.org_id`,
      ],
      [
        "debit_ledger_row",
        sql`insert into ledger_entries (id, org_id, kind, amount_cents, balance_after_cents, reference, description, user_id, created_at)
            select r.id, r.org_id, r.kind, r.amount_cents, r.balance_after_cents, r.reference, r.description, r.user_id, ${at}::timestamptz
            from unnest(${rowColumn((r) => r.id)}::uuid[], ${rowColumn((r) => r.orgId)}::uuid[], ${rowColumn((r) => r.kind)}::text[],
                        ${rowColumn((r) => r.amountCents)}::int[], ${rowColumn((r) => r.balanceAfterCents)}::int[],
                        ${rowColumn((r) => r.reference)}::text[], ${rowColumn((r) => r.description)}::text[], ${rowColumn((r) => r.userId)}::uuid[])
                 as r(id, org_id, kind, amount_cents, balance_after_cents, reference, description, user_id)
            where r.org_id in (select org_id from debited_wallet)`,
      ],
    ],
    applied: sql`(select count(*) from debited_wallet) = ${wallets.size}`,
    events: rows.map((row) => bulkEvent(ledgerEventOf(row))),
  };
}
