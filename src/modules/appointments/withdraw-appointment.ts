import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { appendAuditEvent } from "../audit";
import type { Notifier } from "../notifications";
import { formatSlot } from "./rules/format";

export interface WithdrawalView {
  status: string;
  slot: Date | null;
  brokerName: string | null;
  product: string;
}

/** What the withdrawal page shows: the appointment, without the prospect's identity (the link may be forwarded). */
export async function appointmentForWithdrawal(db: Db, leadId: string): Promise<WithdrawalView | null> {
  const [row] = await rawRows<{ status: string; confirmed_slot: string | null; broker_name: string | null; product: string }>(
    db,
    sql`select a.status, a.confirmed_slot, o.name as broker_name, l.product
        from lead_appointments a join leads l on l.id = a.lead_id left join organisations o on o.id = a.broker_org_id
        where a.lead_id = ${leadId}::uuid`,
  );
  if (!row) return null;
  return {
    status: row.status,
    slot: row.confirmed_slot ? new Date(row.confirmed_slot) : null,
    brokerName: row.broker_name,
    product: row.product,
  };
}

/**
 * The prospect withdraws the consent to the appointment: the appointment is cancelled and the withdrawal,
 * with when and from where it was made, goes into the audit chain; the broker is told. Idempotent: a
 * second click finds it withdrawn already.
 */
export async function withdrawAppointment(
  db: Db,
  notifier: Notifier,
  leadId: string,
  evidence: { ip: string; userAgent: string | null },
  now: Date,
): Promise<"withdrawn" | "already" | "too_late" | "absent"> {
  const outcome = await db.transaction(async (tx) => {
    const [row] = await rawRows<{ status: string; broker_org_id: string | null; confirmed_slot: string | null }>(
      tx,
      sql`select status, broker_org_id, confirmed_slot from lead_appointments where lead_id = ${leadId}::uuid for update`,
    );
    if (!row) return { result: "absent" as const };
    if (row.status === "withdrawn") return { result: "already" as const };
    if (row.status === "honored" || row.status === "no_show") return { result: "too_late" as const };
    await tx.execute(
      sql`update lead_appointments set status = 'withdrawn', updated_at = ${now.toISOString()}::timestamptz where lead_id = ${leadId}::uuid`,
    );
    await appendAuditEvent(tx, {
      actor: {},
      action: "appointment.withdrawn",
      entityType: "lead",
      entityId: leadId,
      data: { withdrawnAt: now.toISOString(), ip: evidence.ip, userAgent: evidence.userAgent, previousStatus: row.status },
      occurredAt: now,
    });
    return { result: "withdrawn" as const, brokerOrgId: row.broker_org_id, slot: row.confirmed_slot };
  });
  if (outcome.result === "withdrawn" && outcome.brokerOrgId) {
    const admins = await rawRows<{ email: string }>(
      db,
      sql`select email from users where org_id = ${outcome.brokerOrgId}::uuid and role = 'broker_admin' order by created_at limit 5`,
    );
    if (admins.length > 0)
      await notifier
        .sendMail({
          to: admins.map((a) => a.email),
          subject: "RDV annulé par le prospect",
          text: `Bonjour,\n\nLe prospect a retiré son consentement et annulé le rendez-vous${outcome.slot ? ` du ${formatSlot(new Date(outcome.slot))}` : ""}. Ne le contactez plus pour ce rendez-vous.\n\nLeadsAssurance`,
          orgId: outcome.brokerOrgId,
          tag: "appointment.withdrawn",
        })
        .catch(() => {});
  }
  return outcome.result;
}
