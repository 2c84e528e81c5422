import { CLIENT_TYPE_LABELS } from "../../../modules/crm/rules/client-model";
import { DataList } from "../../ui/DataList";
import { formatDateTime, formatIsoDay, formatPhone } from "../../ui/format";
import { historyText, monthLabel } from "./labels";
import type { FollowupView } from "./types";

/** Beside the call: who the client is, what he holds, and what has been done so far. */
export function CallAside({ view }: { view: FollowupView }) {
  const c = view.client;
  return (
    <aside className="fu-aside">
      <section className="card" aria-labelledby="client-title">
        <h2 id="client-title">Client</h2>
        <DataList
          rows={[
            { label: "Type", value: `${CLIENT_TYPE_LABELS[c.type]}${c.isTns ? " (TNS)" : ""}` },
            { label: "Téléphone", value: formatPhone(c.phone) },
            { label: "E-mail", value: c.email },
            { label: "Adresse", value: c.mailingAddress },
            { label: "Agence", value: c.agencyName },
            { label: "Chargé(e)", value: c.accountManagerName },
            { label: "Campagne", value: monthLabel(view.cohortMonth) },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="contracts-title">
        <h2 id="contracts-title">Contrats</h2>
        <ul className="fu-history">
          {view.contracts.map((k) => (
            <li key={k.id}>
              <strong>{k.productLabel}</strong>{" "}
              {k.isOurs ? (
                <span className="badge badge--info">chez nous</span>
              ) : (
                <span className="badge">ailleurs{k.insurerName ? ` (${k.insurerName})` : ""}</span>
              )}
              <time>
                {k.startDate ? `depuis le ${formatIsoDay(k.startDate)}` : ""}
                {k.isOurs && k.dpSigned !== true ? " · DP non signées" : ""}
              </time>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">Historique</h2>
        <ol className="fu-history">
          {[...view.history].reverse().map((h) => (
            <li key={h.id}>
              {historyText(h)}
              <time dateTime={h.at}>
                {formatDateTime(h.at)}
                {h.userName ? ` · ${h.userName}` : ""}
              </time>
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
