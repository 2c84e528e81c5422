import { sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import type { Problem } from "../audit";
import { appointmentFingerprint, CSV_BATCH_EVENT } from "../intake";

interface Row {
  lead_id: string;
  availabilities: string[] | string;
  channel: string;
  confirmation: string;
  consent_text_version: string;
  consent_text_sha256: string;
  consent_collected_at: string | Date;
  fingerprint: string;
  consent_fingerprint: string | null;
  committed: string | null;
}

/**
 * An RDV's request and reinforced consent (lead_appointments) against what the lead's journal event committed
 * to: the fingerprint recomputed from the row as stored today (slots, channel, confirmation, reinforced consent
 * text and time, bound to the main consent's fingerprint) must be the one the event carries. The event's own
 * authenticity (MAC, chain) is the chain walk's; what happens to the RDV afterwards (confirmation, outcome) is
 * journaled by its own events and is not part of the request.
 */
export async function checkAppointments(tx: Tx, report: (p: Problem) => void): Promise<number> {
  const rows = await rawRows<Row>(
    tx,
    sql`select a.lead_id, array_to_json(a.availabilities) as availabilities, a.channel, a.confirmation, a.consent_text_version,
               a.consent_text_sha256, a.consent_collected_at, a.fingerprint, k.fingerprint as consent_fingerprint,
               coalesce(
                 (select e.data ->> 'appointment' from audit_events e
                   where e.entity_type = 'lead' and e.entity_id = a.lead_id::text and e.action = 'lead.accepted' order by e.id limit 1),
                 (select e.data -> 'appointments' ->> a.lead_id::text from audit_events e
                   where e.entity_type = 'csv_import' and e.action = ${CSV_BATCH_EVENT} and e.data -> 'appointments' ? a.lead_id::text
                   order by e.id limit 1)
               ) as committed
          from lead_appointments a left join lead_consents k on k.lead_id = a.lead_id`,
  );
  for (const r of rows) {
    const slots = typeof r.availabilities === "string" ? (JSON.parse(r.availabilities) as string[]) : r.availabilities;
    const recomputed = appointmentFingerprint(
      {
        leadId: r.lead_id,
        availabilities: slots.map((s) => new Date(s).toISOString()),
        channel: r.channel,
        confirmation: r.confirmation,
        consentTextVersion: r.consent_text_version,
        consentTextSha256: r.consent_text_sha256,
        consentCollectedAt: new Date(r.consent_collected_at).toISOString(),
      },
      r.consent_fingerprint ?? "",
    );
    const ref = `lead ${r.lead_id}`;
    if (!r.committed)
      report({
        kind: "lead",
        ref,
        message: "Rendez-vous qualifié sans événement du journal qui atteste sa demande et son consentement renforcé",
      });
    else if (recomputed !== r.committed)
      report({
        kind: "lead",
        ref,
        message:
          "Rendez-vous qualifié modifié après son enregistrement : créneaux, canal, confirmation ou consentement renforcé ne sont plus ceux que le journal atteste",
      });
    else if (r.fingerprint !== r.committed)
      report({ kind: "lead", ref, message: "Empreinte du rendez-vous qualifié modifiée après son enregistrement" });
  }
  return rows.length;
}
