import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { enqueueJobs } from "../jobs";

export const CONFIRM_JOB = "appointment.confirm";

/**
 * Called by every sale, in its transaction: when a lead sold is an RDV, its confirmation (slot, prospect
 * message, broker invitation) becomes a job, committed with the sale or not at all, and run by the jobs
 * runner, so that a restart between the sale and the messages loses nothing.
 */
export async function queueAppointmentConfirmations(
  tx: DbOrTx,
  sales: readonly { leadId: string; buyerOrgId: string }[],
  now: Date,
): Promise<void> {
  if (sales.length === 0) return;
  const rdvs = await rawRows<{ lead_id: string }>(
    tx,
    sql`select lead_id from lead_appointments where lead_id = any(${sql.param(sales.map((s) => s.leadId))}::uuid[])`,
  );
  const isRdv = new Set(rdvs.map((r) => r.lead_id));
  await enqueueJobs(
    tx,
    sales
      .filter((sale) => isRdv.has(sale.leadId))
      .map((sale) => ({
        kind: CONFIRM_JOB,
        dedupeKey: sale.leadId,
        payload: { leadId: sale.leadId, buyerOrgId: sale.buyerOrgId },
        runAt: now,
      })),
  );
}
