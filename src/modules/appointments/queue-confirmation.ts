import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { enqueueJobs } from "../jobs";

export const CONFIRM_JOB = "appointment.confirm";

/**
 * Called by every sale, in its transaction: when the lead sold is an RDV, its confirmation (slot, prospect
 * message, broker invitation) becomes a job, committed with the sale or not at all, and run by the jobs
 * runner, so that a restart between the sale and the messages loses nothing.
 */
export async function queueAppointmentConfirmation(tx: DbOrTx, sale: { leadId: string; buyerOrgId: string }, now: Date) {
  const [rdv] = await rawRows<{ lead_id: string }>(tx, sql`select lead_id from lead_appointments where lead_id = ${sale.leadId}::uuid`);
  if (!rdv) return;
  await enqueueJobs(tx, [
    { kind: CONFIRM_JOB, dedupeKey: sale.leadId, payload: { leadId: sale.leadId, buyerOrgId: sale.buyerOrgId }, runAt: now },
  ]);
}
