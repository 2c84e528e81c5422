import { sql } from "drizzle-orm";
import { formatEurosFr } from "../../lib/french-format";
import type { DbOrTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type Actor, appendAuditEvent } from "../audit";
import { type LedgerKind, ledgerEntries } from "./schema";

export interface CreditMovement {
  orgId: string;
  amountCents: number;
  kind: LedgerKind;
  /** What the movement is for (payment id, lead id…): the same kind and reference moves credits only once. */
  reference: string;
  /** Shown in the ledger; a French sentence. */
  description?: string;
  userId?: string | null;
  /** When the movement happens (time is an input: the caller's clock). */
  now: Date;
}

export interface LedgerRow {
  id: string;
  balanceAfterCents: number;
}

const DEBIT_KINDS: readonly LedgerKind[] = ["exclusive_sale", "marketplace_purchase", "adjustment"];
const CREDIT_KINDS: readonly LedgerKind[] = ["top_up", "refund", "adjustment"];

const DEFAULT_DESCRIPTIONS: Record<LedgerKind, string> = {
  top_up: "Recharge de crédits",
  exclusive_sale: "Lead reçu en exclusivité",
  marketplace_purchase: "Achat en salle de marché",
  refund: "Remboursement",
  adjustment: "Ajustement par l'opérateur",
};

function checkAmount(m: CreditMovement, allowed: readonly LedgerKind[]) {
  if (!Number.isSafeInteger(m.amountCents) || m.amountCents <= 0)
    throw new AppError("validation_error", { field: "amountCents", message: "Montant : un nombre entier de centimes positif est attendu" });
  if (!allowed.includes(m.kind))
    throw new AppError("validation_error", { field: "kind", message: `Type de mouvement incompatible : ${m.kind}` });
}

type Rows<T> = { rows: T[] };

async function recordMovement(tx: DbOrTx, m: CreditMovement, signed: number, balanceAfter: number): Promise<LedgerRow> {
  const now = m.now;
  const [row] = await tx
    .insert(ledgerEntries)
    .values({
      orgId: m.orgId,
      kind: m.kind,
      amountCents: signed,
      balanceAfterCents: balanceAfter,
      reference: m.reference,
      description: m.description ?? DEFAULT_DESCRIPTIONS[m.kind],
      userId: m.userId ?? null,
      createdAt: now,
    })
    .returning({ id: ledgerEntries.id, balanceAfterCents: ledgerEntries.balanceAfterCents });
  if (!row) throw new Error("ledger insert returned nothing");
  const actor: Actor = { orgId: m.orgId, userId: m.userId ?? null };
  await appendAuditEvent(tx, {
    actor,
    action: signed > 0 ? "credits.credited" : "credits.debited",
    entityType: "ledger_entry",
    entityId: row.id,
    data: { kind: m.kind, amountCents: signed, balanceAfterCents: balanceAfter, reference: m.reference },
    occurredAt: now,
  });
  return row;
}

/**
 * Takes credits from a brokerage's wallet, in the caller's transaction. One conditional UPDATE: the
 * wallet row is locked by it, so parallel debits queue on the row and none can see a stale balance;
 * a balance too short changes nothing and throws `insufficient_credits`.
 */
export async function debitCredits(tx: DbOrTx, m: CreditMovement): Promise<LedgerRow> {
  checkAmount(m, DEBIT_KINDS);
  const res = (await tx.execute(sql`
    update wallets set balance_cents = balance_cents - ${m.amountCents}, updated_at = ${m.now}
     where org_id = ${m.orgId} and balance_cents >= ${m.amountCents}
    returning balance_cents as "balanceCents"`)) as unknown as Rows<{ balanceCents: number }>;
  const after = res.rows[0];
  if (!after) {
    const balance = await walletBalance(tx, m.orgId);
    throw new AppError("insufficient_credits", {
      message: `Crédits insuffisants : ${formatEurosFr(m.amountCents)} nécessaires, ${formatEurosFr(balance)} disponibles`,
      details: { requiredCents: m.amountCents, balanceCents: balance },
    });
  }
  return recordMovement(tx, m, -m.amountCents, after.balanceCents);
}

/** Adds credits to a brokerage's wallet (created on first credit), in the caller's transaction. */
export async function creditWallet(tx: DbOrTx, m: CreditMovement): Promise<LedgerRow> {
  checkAmount(m, CREDIT_KINDS);
  const now = m.now;
  const res = (await tx.execute(sql`
    insert into wallets (org_id, balance_cents, updated_at) values (${m.orgId}, ${m.amountCents}, ${now})
    on conflict (org_id) do update set balance_cents = wallets.balance_cents + excluded.balance_cents, updated_at = excluded.updated_at
    returning balance_cents as "balanceCents"`)) as unknown as Rows<{ balanceCents: number }>;
  const after = res.rows[0];
  if (!after) throw new Error("wallet upsert returned nothing");
  return recordMovement(tx, m, m.amountCents, after.balanceCents);
}

/** The wallet's balance in cents HT (0 for a brokerage that never topped up). */
export async function walletBalance(db: DbOrTx, orgId: string): Promise<number> {
  const res = (await db.execute(sql`select balance_cents as "balanceCents" from wallets where org_id = ${orgId}`)) as unknown as Rows<{
    balanceCents: number;
  }>;
  return res.rows[0]?.balanceCents ?? 0;
}
