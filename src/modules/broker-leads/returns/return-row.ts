import { sql } from "drizzle-orm";
import type { ReturnReason, ReturnStatus } from "../rules/returns";

/** A return as the buyer's lead sheet and the operator's queue both read it, from `lead_returns r`. */
export interface ReturnRow {
  id: string;
  status: ReturnStatus;
  reason: ReturnReason;
  note: string | null;
  requested_at: string | Date;
  decided_at: string | Date | null;
  decision_comment: string | null;
  price_cents: number;
}

export const returnColumns = sql.raw("r.id, r.status, r.reason, r.note, r.requested_at, r.decided_at, r.decision_comment, r.price_cents");

export function returnOf(r: ReturnRow) {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    note: r.note,
    requestedAt: new Date(r.requested_at),
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    decisionComment: r.decision_comment,
    priceCents: r.price_cents,
  };
}
