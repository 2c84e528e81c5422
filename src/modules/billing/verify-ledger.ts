import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";

export interface LedgerProblem {
  kind: "movement_without_event" | "movement_differs_from_event" | "balance_differs_from_ledger";
  orgId: string;
  ledgerEntryId?: string;
  detail: string;
}

type Rows<T> = { rows: T[] };

/**
 * What the evidence verifier can recheck about money: every ledger row has its signed audit event with
 * the same amount and reference (a row slipped in or altered by hand shows), and every wallet's balance
 * is the sum of its ledger. The audit events themselves are checked by the chain verifier.
 */
export async function verifyLedger(db: DbOrTx): Promise<LedgerProblem[]> {
  const movements = (await db.execute(sql`
    select l.id, l.org_id as "orgId", l.amount_cents as "amountCents", l.reference,
           e.data->>'amountCents' as "eventAmount", e.data->>'reference' as "eventReference", e.id is not null as "hasEvent"
      from ledger_entries l
      left join audit_events e on e.entity_type = 'ledger_entry' and e.entity_id = l.id::text
       and e.action in ('credits.credited', 'credits.debited')`)) as unknown as Rows<{
    id: string;
    orgId: string;
    amountCents: number;
    reference: string;
    eventAmount: string | null;
    eventReference: string | null;
    hasEvent: boolean;
  }>;
  const problems: LedgerProblem[] = [];
  for (const m of movements.rows) {
    if (!m.hasEvent)
      problems.push({ kind: "movement_without_event", orgId: m.orgId, ledgerEntryId: m.id, detail: "mouvement sans événement d'audit" });
    else if (Number(m.eventAmount) !== m.amountCents || m.eventReference !== m.reference)
      problems.push({
        kind: "movement_differs_from_event",
        orgId: m.orgId,
        ledgerEntryId: m.id,
        detail: `mouvement de ${m.amountCents} centimes, ${m.eventAmount} dans le journal d'audit`,
      });
  }
  const balances = (await db.execute(sql`
    select w.org_id as "orgId", w.balance_cents as "balance", coalesce(sum(l.amount_cents), 0)::int as "sum"
      from wallets w left join ledger_entries l on l.org_id = w.org_id
     group by w.org_id, w.balance_cents
    having w.balance_cents <> coalesce(sum(l.amount_cents), 0)`)) as unknown as Rows<{ orgId: string; balance: number; sum: number }>;
  for (const b of balances.rows)
    problems.push({
      kind: "balance_differs_from_ledger",
      orgId: b.orgId,
      detail: `solde ${b.balance} centimes, somme des mouvements ${b.sum}`,
    });
  return problems;
}
