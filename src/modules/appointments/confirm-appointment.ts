import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { appendAuditEvent } from "../audit";
import { productBySlug } from "../catalogue/rules";
import type { JobHandler } from "../jobs";
import type { Notifier } from "../notifications";
import { buildInvitation } from "./ics-invitation";
import { CONFIRM_JOB } from "./queue-confirmation";
import { CHANNEL_LABELS, formatSlot, formatSlotShort } from "./rules/format";
import { withdrawalToken } from "./withdrawal-token";

export interface AppointmentDeps {
  notifier: Notifier;
  /** Signs the withdrawal links. */
  secret: string;
  /** The app's public address for the links in messages (known once the server listens). */
  appUrl: () => string;
}

interface Confirmed {
  lead_id: string;
  status: string;
  confirmed_slot: string | Date | null;
  availabilities: (string | Date)[];
  channel: "telephone" | "visio";
  confirmation: "sms" | "email";
  visio_url: string | null;
  first_name: string;
  last_name: string;
  phone: string;
  email: string;
  product: string;
  buyer_org_id: string;
  buyer_user_id: string | null;
  broker_name: string;
}

/**
 * A sold RDV: the prospect's first availability still ahead becomes the appointment (journaled; none ahead:
 * left "requested" for the broker to arrange), the prospect gets its
 * confirmation by e-mail or SMS with a withdrawal link, the broker its .ics invitation. The slot is decided
 * once, in a transaction; the messages follow its commit (they cannot be rolled back). A retry after a
 * failed message sends them again with the same slot and room.
 */
export async function confirmAppointment(db: Db, deps: AppointmentDeps, leadId: string, now: Date) {
  const rdv = await db.transaction(async (tx) => {
    const [row] = await rawRows<Confirmed>(
      tx,
      sql`
        select a.lead_id, a.status, a.confirmed_slot, array_to_json(a.availabilities) as availabilities, a.channel, a.confirmation, a.visio_url,
               l.first_name, l.last_name, l.phone, l.email, l.product, s.buyer_org_id, s.buyer_user_id, o.name as broker_name
        from lead_appointments a join leads l on l.id = a.lead_id join lead_sales s on s.lead_id = a.lead_id
        join organisations o on o.id = s.buyer_org_id
        where a.lead_id = ${leadId}::uuid
        for update of a`,
    );
    if (row?.status !== "requested") return row ?? null;
    // The prospect's first choice, unless it has passed by the time a broker bought the RDV (marketplace, days later).
    const next = row.availabilities.map((a) => new Date(a)).find((a) => a.getTime() > now.getTime());
    if (!next) return { ...row, status: "no_future_slot" };
    const slot = next;
    // A room of its own per appointment on a public Jitsi Meet server: nothing to install, no account (decision 016).
    const visio = row.channel === "visio" ? `https://meet.jit.si/LeadsAssurance-${randomBytes(12).toString("hex")}` : null;
    await tx.execute(sql`
      update lead_appointments set status = 'confirmed', confirmed_slot = ${slot.toISOString()}::timestamptz, visio_url = ${visio},
             broker_org_id = ${row.buyer_org_id}::uuid, updated_at = ${now.toISOString()}::timestamptz
      where lead_id = ${leadId}::uuid`);
    await appendAuditEvent(tx, {
      actor: { orgId: row.buyer_org_id },
      action: "appointment.confirmed",
      entityType: "lead",
      entityId: leadId,
      data: {
        slot: slot.toISOString(),
        channel: row.channel,
        confirmation: row.confirmation,
        brokerOrgId: row.buyer_org_id,
        visioUrl: visio,
      },
      occurredAt: now,
    });
    return { ...row, status: "confirmed", confirmed_slot: slot, visio_url: visio };
  });
  if (rdv?.status !== "confirmed" || !rdv.confirmed_slot) return { skipped: rdv?.status ?? "absent" };
  const slot = new Date(rdv.confirmed_slot);
  await notifyProspect(deps, rdv, slot);
  const brokers = await notifyBroker(db, deps, rdv, slot, now);
  return { slot: slot.toISOString(), prospect: rdv.confirmation, brokers };
}

async function notifyProspect(deps: AppointmentDeps, rdv: Confirmed, slot: Date) {
  const link = `${deps.appUrl()}/rdv/retrait/${withdrawalToken(deps.secret, rdv.lead_id)}`;
  const product = productBySlug(rdv.product)?.label ?? rdv.product;
  if (rdv.confirmation === "sms") {
    await deps.notifier.sendSms({
      to: rdv.phone,
      text: `LeadsAssurance : RDV ${product} confirme le ${formatSlotShort(slot)} ${CHANNEL_LABELS[rdv.channel]} avec ${rdv.broker_name}.${rdv.visio_url ? ` Lien : ${rdv.visio_url}` : ""} Annuler : ${link}`,
      orgId: rdv.buyer_org_id,
      tag: "appointment.confirmation",
    });
    return;
  }
  await deps.notifier.sendMail({
    to: rdv.email,
    subject: `Votre rendez-vous du ${formatSlot(slot)} est confirmé`,
    text: [
      `Bonjour ${rdv.first_name} ${rdv.last_name},`,
      "",
      `Votre rendez-vous « ${product} » avec ${rdv.broker_name} est confirmé :`,
      `le ${formatSlot(slot)} (heure de Paris), ${CHANNEL_LABELS[rdv.channel]}.`,
      rdv.channel === "visio" ? `Rejoindre la visio : ${rdv.visio_url}` : `Le conseiller vous appellera au ${rdv.phone}.`,
      "",
      "Vous avez accepté que vos coordonnées soient transmises à ce courtier pour ce rendez-vous.",
      `Vous pouvez retirer ce consentement et annuler le rendez-vous à tout moment : ${link}`,
      "",
      "LeadsAssurance",
    ].join("\n"),
    orgId: rdv.buyer_org_id,
    tag: "appointment.confirmation",
  });
}

async function notifyBroker(db: Db, deps: AppointmentDeps, rdv: Confirmed, slot: Date, now: Date): Promise<number> {
  const people = await rawRows<{ email: string; name: string }>(
    db,
    sql`select email, coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email) as name from users
        where org_id = ${rdv.buyer_org_id}::uuid and (id = ${rdv.buyer_user_id}::uuid or role = 'broker_admin')
        order by (id = ${rdv.buyer_user_id}::uuid) desc nulls last, created_at limit 5`,
  );
  if (people.length === 0) return 0;
  const product = productBySlug(rdv.product)?.label ?? rdv.product;
  const who = `${rdv.first_name} ${rdv.last_name}`;
  const ics = buildInvitation({
    uid: `rdv-${rdv.lead_id}@leadsassurance`,
    now,
    start: slot,
    title: `RDV ${product} : ${who}`,
    description: [
      `RDV qualifié ${CHANNEL_LABELS[rdv.channel]}, le ${formatSlot(slot)} (heure de Paris).`,
      `Prospect : ${who}, ${rdv.phone}, ${rdv.email}.`,
      rdv.visio_url ? `Visio : ${rdv.visio_url}` : `Appelez le prospect au ${rdv.phone}.`,
      `Fiche : ${deps.appUrl()}/courtier/rdv`,
    ].join("\n"),
    url: rdv.visio_url,
    organizer: { name: "LeadsAssurance", email: "rdv@leadsassurance.fr" },
    attendees: people.map((p) => ({ name: p.name, email: p.email })),
  });
  await deps.notifier.sendMail({
    to: people.map((p) => p.email),
    subject: `Nouveau RDV qualifié le ${formatSlot(slot)} : ${product}`,
    text: [
      "Bonjour,",
      "",
      `Vous avez un rendez-vous qualifié ${CHANNEL_LABELS[rdv.channel]} le ${formatSlot(slot)} (heure de Paris) avec ${who} (${product}).`,
      rdv.visio_url ? `Lien de la visio : ${rdv.visio_url}` : `Appelez le prospect au ${rdv.phone}.`,
      "L'invitation est jointe (rdv.ics) ; le prospect a reçu sa confirmation.",
      `Votre agenda : ${deps.appUrl()}/courtier/rdv`,
      "",
      "LeadsAssurance",
    ].join("\n"),
    attachments: [{ filename: "rdv.ics", content: ics, contentType: "text/calendar; method=REQUEST; charset=utf-8" }],
    orgId: rdv.buyer_org_id,
    tag: "appointment.invitation",
  });
  return people.length;
}

export function appointmentJobHandlers(deps: AppointmentDeps): JobHandler[] {
  return [
    {
      kind: CONFIRM_JOB,
      maxAttempts: 5,
      run: (payload, ctx) => confirmAppointment(ctx.db, deps, String(payload.leadId), ctx.now),
    },
  ];
}
