import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { AppError, notFound } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import type { AppointmentStatus } from "./schema";

export interface BrokerAppointment {
  leadId: string;
  slot: Date;
  status: AppointmentStatus;
  channel: "telephone" | "visio";
  visioUrl: string | null;
  product: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

/** The brokerage's appointments whose slot falls in [from, to): the week view of its calendar. */
export async function listBrokerAppointments(db: Db, orgId: string, from: Date, to: Date): Promise<BrokerAppointment[]> {
  const rows = await rawRows<{
    lead_id: string;
    confirmed_slot: string | Date;
    status: AppointmentStatus;
    channel: "telephone" | "visio";
    visio_url: string | null;
    product: string;
    first_name: string | null;
    last_name: string | null;
    phone: string | null;
  }>(
    db,
    sql`select a.lead_id, a.confirmed_slot, a.status, a.channel, a.visio_url, l.product, l.first_name, l.last_name, l.phone
        from lead_appointments a join leads l on l.id = a.lead_id
        where a.broker_org_id = ${orgId}::uuid and a.confirmed_slot >= ${from.toISOString()}::timestamptz
          and a.confirmed_slot < ${to.toISOString()}::timestamptz
        order by a.confirmed_slot, a.lead_id`,
  );
  return rows.map((r) => ({
    leadId: r.lead_id,
    slot: new Date(r.confirmed_slot),
    status: r.status,
    channel: r.channel,
    visioUrl: r.visio_url,
    product: r.product,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
  }));
}

/**
 * The broker says whether the appointment took place ("honoré" / "non honoré"), once its slot has begun;
 * it may correct itself, each change journaled. A no-show is what a return (contestation) may cite.
 */
export async function recordAppointmentOutcome(
  db: Db,
  actor: { orgId: string; userId: string | null },
  leadId: string,
  outcome: "honored" | "no_show",
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await rawRows<{ status: string; confirmed_slot: string | Date | null }>(
      tx,
      sql`select status, confirmed_slot from lead_appointments where lead_id = ${leadId}::uuid and broker_org_id = ${actor.orgId}::uuid for update`,
    );
    if (!row) throw notFound("RDV");
    if (row.status === "withdrawn") throw new AppError("conflict", { message: "Ce RDV a été annulé par le prospect" });
    if (!row.confirmed_slot || new Date(row.confirmed_slot).getTime() > now.getTime())
      throw new AppError("conflict", { message: "Le RDV n'a pas encore eu lieu : son statut se renseigne après l'heure prévue" });
    if (row.status === outcome) return;
    await tx.execute(
      sql`update lead_appointments set status = ${outcome}, updated_at = ${now.toISOString()}::timestamptz where lead_id = ${leadId}::uuid`,
    );
    await appendAuditEvent(tx, {
      actor,
      action: `appointment.${outcome}`,
      entityType: "lead",
      entityId: leadId,
      data: { previousStatus: row.status, at: now.toISOString() },
      occurredAt: now,
    });
  });
}
