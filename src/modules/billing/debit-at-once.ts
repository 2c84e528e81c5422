import { type SQL, sql } from "drizzle-orm";
import { type BulkAuditEvent, bulkEvent } from "../audit";
import { type CreditMovement, checkAmount, DEBIT_KINDS, ledgerEventOf, ledgerRowOf } from "./move-credits";

/**
 * A debit as part of a larger statement (market/pay-at-once.ts), for a caller that read the wallet's
 * balance just before without locking it: the wallet moves only if its balance is still the one read, so
 * the balance written in the ledger row and signed in its event is exact. `applied` is the condition the
 * statement's guard must check (false: the balance moved meanwhile, do it again with debitCredits).
 * The caller inserts `event` with its other events, for the wallet's brokerage and user.
 */
export function debitAtOnce(m: CreditMovement, balanceBefore: number): { ctes: [string, SQL][]; applied: SQL; event: BulkAuditEvent } {
  checkAmount(m, DEBIT_KINDS);
  const row = ledgerRowOf(m, -m.amountCents, balanceBefore - m.amountCents);
  const at = m.now.toISOString();
  return {
    ctes: [
      [
        "debited_wallet",
        sql`update wallets set balance_cents = ${row.balanceAfterCents}, updated_at = ${at}::timestamptz
            where org_id = ${m.orgId}::uuid and balance_cents = ${balanceBefore} and ${row.balanceAfterCents} >= 0 returning org_id`,
      ],
      [
        "debit_ledger_row",
        sql`insert into ledger_entries (id, org_id, kind, amount_cents, balance_after_cents, reference, description, user_id, created_at)
            select ${row.id}::uuid, org_id, ${row.kind}, ${row.amountCents}, ${row.balanceAfterCents}, ${row.reference}, ${row.description},
                   ${row.userId}::uuid, ${at}::timestamptz
            from debited_wallet`,
      ],
    ],
    applied: sql`exists (select 1 from debited_wallet)`,
    event: bulkEvent(ledgerEventOf(row)),
  };
}
