import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { notFound } from "../../platform/errors";
import { leadWithProof } from "../evidence";
import { leadContactOf } from "../intake";
import { leads } from "../intake/schema";
import type { BrokerLeadDetail } from "./api";
import { type ReturnRow, returnColumns, returnOf } from "./returns/return-row";
import { callabilityOf } from "./rules/callability";
import { returnDeadline } from "./rules/returns";
import type { LostReason, WorkStatus } from "./rules/work-status";
import { describeWorkEvent, RETURN_EVENTS } from "./work-events";

interface WorkRow {
  sale_id: string;
  channel: "exclusive" | "marketplace";
  sold_at: string | Date;
  price_cents: number;
  paid_with: "credits" | "card";
  status: WorkStatus;
  lost_reason: LostReason | null;
  note: string | null;
  failed_attempts: number;
  status_changed_at: string | Date;
  client_id: string | null;
}

/** The brokerage's own row of a lead it bought, or a 404 that says nothing of another brokerage's lead. */
export async function workRowOf(db: DbOrTx, orgId: string, leadId: string): Promise<WorkRow> {
  const [row] = await rawRows<WorkRow>(
    db,
    sql`select w.sale_id, w.channel, w.sold_at, w.price_cents, s.paid_with, w.status, w.lost_reason, w.note, w.failed_attempts,
               w.status_changed_at, w.client_id
          from lead_work w join lead_sales s on s.id = w.sale_id
         where w.lead_id = ${leadId}::uuid and w.org_id = ${orgId}::uuid`,
  );
  if (!row) throw notFound("Lead");
  return row;
}

/**
 * The sheet of a bought lead: every field, the consent proof and its verification as the verifier does it,
 * the 30-day call window and the legal call hours, and a timeline of what happened to the lead.
 */
export async function brokerLeadDetail(db: DbOrTx, orgId: string, leadId: string, now: Date): Promise<BrokerLeadDetail> {
  const work = await workRowOf(db, orgId, leadId);
  const found = await leadWithProof(db, eq(leads.id, leadId), now);
  if (!found) throw notFound("Lead");
  const { lead, proof, integrity } = found;
  const events = await rawRows<{ occurred_at: string | Date; action: string; data: Record<string, unknown>; who: string | null }>(
    db,
    sql`select e.occurred_at, e.action, e.data, nullif(concat_ws(' ', u.first_name, u.last_name), '') as who
          from audit_events e left join users u on u.id = e.user_id
         where e.entity_type = 'lead' and e.entity_id = ${leadId}
           and (e.org_id = ${orgId}::uuid or e.action in (${RETURN_EVENTS.accepted}, ${RETURN_EVENTS.refused}))
         order by e.id`,
  );
  // Deliveries to the brokerage (delivery module's tables, read-only here): the in-app notice and each webhook attempt.
  const deliveries = await rawRows<{ at: string | Date; label: string; detail: string | null }>(
    db,
    sql`select n.created_at as at, 'Notification envoyée au cabinet (application et e-mail)' as label, null as detail
          from broker_notifications n where n.lead_id = ${leadId}::uuid and n.org_id = ${orgId}::uuid
        union all
        select a.started_at, 'Livraison par webhook : tentative n° ' || a.attempt,
               coalesce('réponse HTTP ' || a.status_code, a.error)
          from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
         where d.lead_id = ${leadId}::uuid and d.org_id = ${orgId}::uuid`,
  );
  const [appointment] = await rawRows<{
    availabilities: (string | Date)[] | string;
    channel: "telephone" | "visio";
    confirmation: "sms" | "email";
    status: "requested" | "confirmed" | "withdrawn" | "honored" | "no_show";
    confirmed_slot: string | Date | null;
    visio_url: string | null;
    consent_text_version: string;
    consent_collected_at: string | Date;
    fingerprint: string;
  }>(
    db,
    sql`select array_to_json(availabilities) as availabilities, channel, confirmation, status, confirmed_slot, visio_url,
               consent_text_version, consent_collected_at, fingerprint
          from lead_appointments where lead_id = ${leadId}::uuid`,
  );
  const [ret] = await rawRows<ReturnRow>(
    db,
    sql`select ${returnColumns} from lead_returns r where r.lead_id = ${leadId}::uuid and r.org_id = ${orgId}::uuid`,
  );
  const soldAt = new Date(work.sold_at);
  return {
    leadId: lead.id,
    product: lead.product,
    leadType: lead.type as BrokerLeadDetail["leadType"],
    receivedAt: lead.createdAt,
    source: lead.channel,
    appointment: appointment
      ? {
          availabilities: (typeof appointment.availabilities === "string"
            ? (JSON.parse(appointment.availabilities) as string[])
            : appointment.availabilities
          ).map((d) => new Date(d)),
          channel: appointment.channel,
          confirmation: appointment.confirmation,
          status: appointment.status,
          confirmedSlot: appointment.confirmed_slot ? new Date(appointment.confirmed_slot) : null,
          visioUrl: appointment.visio_url,
          consentTextVersion: appointment.consent_text_version,
          consentCollectedAt: new Date(appointment.consent_collected_at),
          fingerprint: appointment.fingerprint,
        }
      : null,
    contact: { ...leadContactOf(lead), departement: lead.departement },
    fields: lead.fields,
    sale: { saleId: work.sale_id, channel: work.channel, soldAt, priceCents: work.price_cents, paidWith: work.paid_with },
    work: {
      status: work.status,
      lostReason: work.lost_reason,
      note: work.note,
      failedAttempts: work.failed_attempts,
      statusChangedAt: new Date(work.status_changed_at),
      clientId: work.client_id,
    },
    proof,
    integrity,
    callability: proof ? callabilityOf(proof.collectedAt, lead.departement, now) : null,
    return: ret ? returnOf(ret) : null,
    returnDeadline: returnDeadline(soldAt),
    returnOpen: !ret && work.status !== "vendu" && now <= returnDeadline(soldAt),
    timeline: [
      { at: lead.createdAt, kind: "received" as const, label: "Lead reçu et contrôlé par LeadsAssurance", detail: null, by: null },
      {
        at: soldAt,
        kind: "sold" as const,
        label: work.channel === "exclusive" ? "Attribué en exclusivité à votre cabinet" : "Acheté en salle de marché",
        detail: null,
        by: null,
      },
      ...events.map((e) => ({ at: new Date(e.occurred_at), ...describeWorkEvent(e.action, e.data), by: e.who })),
      ...deliveries.map((d) => ({ at: new Date(d.at), kind: "delivery" as const, label: d.label, detail: d.detail, by: null })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}
