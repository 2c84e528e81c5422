import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { formatEurosFr } from "../../lib/french-format";
import type { DbOrTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type Actor, appendAuditEvents } from "../audit";
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

export const DEBIT_KINDS: readonly LedgerKind[] = ["exclusive_sale", "marketplace_purchase", "adjustment"];
const CREDIT_KINDS: readonly LedgerKind[] = ["top_up", "refund", "adjustment"];

const DEFAULT_DESCRIPTIONS: Record<LedgerKind, string> = {
  top_up: "Recharge de crédits",
  exclusive_sale: "Lead reçu en exclusivité",
  marketplace_purchase: "Achat en salle de marché",
  refund: "Remboursement",
  adjustment: "Ajustement par l'opérateur",
};

export function checkAmount(m: CreditMovement, allowed: readonly LedgerKind[]) {
  if (!Number.isSafeInteger(m.amountCents) || m.amountCents <= 0)
    throw new AppError("validation_error", { field: "amountCents", message: "Montant : un nombre entier de centimes positif est attendu" });
  if (!allowed.includes(m.kind))
    throw new AppError("validation_error", { field: "kind", message: `Type de mouvement incompatible : ${m.kind}` });
}

type Rows<T> = { rows: T[] };

/** The ledger row of a movement already applied to its wallet. */
export function ledgerRowOf(m: CreditMovement, signed: number, balanceAfter: number) {
  return {
    id: randomUUID(),
    orgId: m.orgId,
    kind: m.kind,
    amountCents: signed,
    balanceAfterCents: balanceAfter,
    reference: m.reference,
    description: m.description ?? DEFAULT_DESCRIPTIONS[m.kind],
    userId: m.userId ?? null,
    createdAt: m.now,
  };
}

/** The audit event of a ledger row: the facts the verifier compares with the row (billing/verify-ledger.ts). */
export function ledgerEventOf(row: ReturnType<typeof ledgerRowOf>) {
  return {
    action: row.amountCents > 0 ? "credits.credited" : "credits.debited",
    entityType: "ledger_entry",
    entityId: row.id,
    data: { kind: row.kind, amountCents: row.amountCents, balanceAfterCents: row.balanceAfterCents, reference: row.reference },
  };
}

/** Ledger rows and their audit events for movements already applied to the wallets, in one insert each. */
async function recordMovements(
  tx: DbOrTx,
  moves: readonly { m: CreditMovement; signed: number; balanceAfter: number }[],
): Promise<LedgerRow[]> {
  const rows = moves.map(({ m, signed, balanceAfter }) => ledgerRowOf(m, signed, balanceAfter));
  await tx.insert(ledgerEntries).values(rows);
  await appendAuditEvents(
    tx,
    rows.map((row) => ({
      actor: { orgId: row.orgId, userId: row.userId } satisfies Actor,
      ...ledgerEventOf(row),
      occurredAt: row.createdAt,
    })),
  );
  return rows.map((row) => ({ id: row.id, balanceAfterCents: row.balanceAfterCents }));
}

/**
 * Takes credits from a brokerage's wallet, in the caller's transaction. One conditional UPDATE: the
 * wallet row is locked by it, so parallel debits queue on the row and none can see a stale balance;
 * a balance too short changes nothing and throws `insufficient_credits`.
 */
export async function debitCredits(tx: DbOrTx, m: CreditMovement): Promise<LedgerRow> {
  return (await debitCreditsMany(tx, [m]))[0] as LedgerRow;
}

/**
 * Several debits at once (the exclusive routing of a batch), in the caller's transaction: one UPDATE of
 * the wallets concerned, each by the sum of its debits and only if its balance covers that sum, then the
 * ledger rows in the given order, each with the balance after it. If one wallet falls short nothing is
 * debited (`insufficient_credits`, naming that brokerage's figures).
 */
export async function debitCreditsMany(tx: DbOrTx, movements: readonly CreditMovement[]): Promise<LedgerRow[]> {
  if (movements.length === 0) return [];
  for (const m of movements) checkAmount(m, DEBIT_KINDS);
  const totals = new Map<string, number>();
  for (const m of movements) totals.set(m.orgId, (totals.get(m.orgId) ?? 0) + m.amountCents);
  const now = movements[0]?.now as Date;
  const res = (await tx.execute(sql`
    update wallets w set balance_cents = w.balance_cents - d.amount, updated_at = ${now}
      from unnest(${sql.param([...totals.keys()])}::uuid[], ${sql.param([...totals.values()])}::int[]) as d(org_id, amount)
     where w.org_id = d.org_id and w.balance_cents >= d.amount
    returning w.org_id as "orgId", w.balance_cents as "balanceCents"`)) as unknown as Rows<{ orgId: string; balanceCents: number }>;
  if (res.rows.length < totals.size) {
    const short = [...totals].find(([orgId]) => !res.rows.some((r) => r.orgId === orgId)) as [string, number];
    const balance = await walletBalance(tx, short[0]);
    throw new AppError("insufficient_credits", {
      message: `Crédits insuffisants : ${formatEurosFr(short[1])} nécessaires, ${formatEurosFr(balance)} disponibles`,
      details: { requiredCents: short[1], balanceCents: balance },
    });
  }
  // Each row's balance after it: the balance before the update, less the debits of that wallet up to it.
  const running = new Map(res.rows.map((r) => [r.orgId, r.balanceCents + (totals.get(r.orgId) as number)]));
  return recordMovements(
    tx,
    movements.map((m) => {
      const balanceAfter = (running.get(m.orgId) as number) - m.amountCents;
      running.set(m.orgId, balanceAfter);
      return { m, signed: -m.amountCents, balanceAfter };
    }),
  );
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
  return (await recordMovements(tx, [{ m, signed: m.amountCents, balanceAfter: after.balanceCents }]))[0] as LedgerRow;
}

/** The wallet's balance in cents HT (0 for a brokerage that never topped up). */
export async function walletBalance(db: DbOrTx, orgId: string): Promise<number> {
  const res = (await db.execute(sql`select balance_cents as "balanceCents" from wallets where org_id = ${orgId}`)) as unknown as Rows<{
    balanceCents: number;
  }>;
  return res.rows[0]?.balanceCents ?? 0;
}
