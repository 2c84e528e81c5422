import { sql } from "drizzle-orm";
import { type AuthContext, actorOf } from "../../../platform/auth-context";
import type { Db } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { AppError, notFound } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import { creditWallet } from "../../billing";
import type { ReturnDecision } from "../api";
import { RETURN_EVENTS } from "../work-events";

/**
 * The operator accepts or refuses a return, once. An accepted return gives the sale's price back in credits
 * (ledger "refund", referenced by the return: the same return never refunds twice), in the same transaction.
 */
export async function decideReturn(db: Db, auth: AuthContext, returnId: string, input: ReturnDecision, now: Date) {
  return db.transaction(async (tx) => {
    const [ret] = await rawRows<{ lead_id: string; org_id: string; status: string; price_cents: number; sale_id: string }>(
      tx,
      sql`select lead_id, org_id, status, price_cents, sale_id from lead_returns where id = ${returnId}::uuid for update`,
    );
    if (!ret) throw notFound("Contestation");
    if (ret.status !== "pending") throw new AppError("return_decided", { field: "returnId" });
    const status: "accepted" | "refused" = input.decision === "accept" ? "accepted" : "refused";
    await tx.execute(
      sql`update lead_returns set status = ${status}, decided_at = ${now.toISOString()}::timestamptz, decided_by = ${auth.userId}::uuid,
                 decision_comment = ${input.comment ?? null} where id = ${returnId}::uuid`,
    );
    if (status === "accepted")
      await creditWallet(tx, {
        orgId: ret.org_id,
        amountCents: ret.price_cents,
        kind: "refund",
        reference: returnId,
        description: "Remboursement d'un lead contesté (contestation acceptée)",
        userId: auth.userId,
        now,
      });
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: status === "accepted" ? RETURN_EVENTS.accepted : RETURN_EVENTS.refused,
      entityType: "lead",
      entityId: ret.lead_id,
      data: {
        returnId,
        buyerOrgId: ret.org_id,
        saleId: ret.sale_id,
        refundCents: status === "accepted" ? ret.price_cents : 0,
        comment: input.comment ?? null,
      },
      occurredAt: now,
    });
    return { id: returnId, status };
  });
}
