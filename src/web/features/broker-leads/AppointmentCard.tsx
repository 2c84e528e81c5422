import { CHANNEL_LABELS, STATUS_LABELS } from "../../../modules/appointments/rules/format";
import { DataList } from "../../ui/DataList";
import { formatTimestamp } from "../../ui/format";
import type { BrokerLeadSheet } from "./api";

/** An RDV's appointment on its sheet: the confirmed slot, the prospect's other slots, the channel, the reinforced consent. */
export function AppointmentCard({ rdv }: { rdv: NonNullable<BrokerLeadSheet["appointment"]> }) {
  return (
    <section className="card" aria-labelledby="bl-rdv-title">
      <div className="card__title-row">
        <h2 id="bl-rdv-title">Rendez-vous qualifié</h2>
        <span
          className={`badge ${rdv.status === "no_show" || rdv.status === "withdrawn" ? "badge--danger" : "badge--info"}`}
          data-testid="bl-rdv-status"
        >
          {STATUS_LABELS[rdv.status]}
        </span>
      </div>
      <DataList
        rows={[
          { label: "Créneau confirmé", value: rdv.confirmedSlot ? formatTimestamp(rdv.confirmedSlot) : "En attente de confirmation" },
          { label: "Canal", value: CHANNEL_LABELS[rdv.channel] },
          {
            label: "Lien de visio",
            value: rdv.visioUrl && (
              <a href={rdv.visioUrl} target="_blank" rel="noopener noreferrer">
                {rdv.visioUrl}
              </a>
            ),
          },
          { label: "Confirmation au prospect", value: rdv.confirmation === "sms" ? "Par SMS" : "Par e-mail" },
          { label: "Disponibilités données", value: rdv.availabilities.map((d) => formatTimestamp(d)).join(" · "), wide: true },
          {
            label: "Consentement renforcé",
            value: `Texte ${rdv.consentTextVersion}, donné le ${formatTimestamp(rdv.consentCollectedAt)}`,
            wide: true,
          },
        ]}
      />
    </section>
  );
}
