import { Alert } from "../../ui/Alert";
import { formatDateTime } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import type { BrokerLeadSheet } from "./api";

/**
 * When to call: the 30-day window from the consent (Code des assurances L112-2-2 / R112-7) and the legal call
 * hours of décret 2022-1313, shown as guidance (Monday–Friday 10:00–13:00 and 14:00–20:00, no public holiday).
 */
export function CallabilityCard({ callability, closed }: { callability: NonNullable<BrokerLeadSheet["callability"]>; closed: boolean }) {
  return (
    <section className="card" aria-labelledby="bl-call-title">
      <div className="card__title-row">
        <h2 id="bl-call-title">
          <Icon name="info" className="heading-icon" /> Quand appeler
        </h2>
        {callability.expired ? (
          <span className="badge badge--danger">Délai de 30 jours dépassé</span>
        ) : (
          <span className={`badge ${callability.daysLeft <= 5 ? "badge--warning" : "badge--success"}`} data-testid="bl-days-left">
            {callability.daysLeft} jour(s) restant(s)
          </span>
        )}
      </div>
      {callability.expired && !closed && (
        <Alert kind="warning" title="Le délai pour appeler ce prospect est dépassé">
          <p>
            Depuis le {formatDateTime(callability.deadline)}, un appel ne vaut plus sollicitation du prospect (Code des assurances, L112-2-2
            et R112-7) : ne l'appelez que s'il vous a recontacté.
          </p>
        </Alert>
      )}
      <p>
        Appel possible jusqu'au <strong>{formatDateTime(callability.deadline)}</strong> (30 jours après le consentement).
      </p>
      <p>
        Heures d'appel légales : du lundi au vendredi, de 10 h à 13 h et de 14 h à 20 h, hors jours fériés.{" "}
        {callability.withinCallHours ? (
          <span className="badge badge--success">Vous pouvez appeler maintenant</span>
        ) : (
          callability.nextCallHoursStart && (
            <span className="badge badge--warning">Prochain créneau : {formatDateTime(callability.nextCallHoursStart)}</span>
          )
        )}
      </p>
    </section>
  );
}
