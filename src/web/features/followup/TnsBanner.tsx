import { useState } from "react";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import type { FollowupView } from "./types";
import { useRecord } from "./use-fire";

/**
 * Spec 002 §4.3: a TNS detected on a record that does not say so (job status, legal form and mandate,
 * NAF code or activity on a particulier record) is settled before the commercial rebound: the record
 * switched to "client pro / TNS" with the account manager for professionals, or the detection set
 * aside with the reason the client gave. The server refuses to go on until one or the other is done.
 */
export function TnsBanner({ view, compact = false }: { view: FollowupView; compact?: boolean }) {
  const { tns } = view;
  if (tns.resolution?.decision === "dismissed") {
    return compact ? null : (
      <Alert kind="info" title="Statut TNS écarté">
        <p>
          {tns.detection?.reason} — écarté : « {tns.resolution.reason} »
        </p>
      </Alert>
    );
  }
  if (!tns.required || !tns.detection) return null;
  return (
    <Alert kind="warning" title={tns.detection.certainty === "sure" ? "Client TNS détecté" : "Statut TNS à vérifier avec le client"}>
      <p>{tns.detection.reason}.</p>
      <p>À trancher avant le rebond commercial : les suggestions tiennent déjà compte d'un statut TNS.</p>
      <div className="fu-tns">
        <Requalify view={view} />
        <Dismiss view={view} />
      </div>
    </Alert>
  );
}

function Requalify({ view }: { view: FollowupView }) {
  const { record, error, pending } = useRecord(view);
  const [managerId, setManagerId] = useState(view.tns.proposedManagerId ?? view.tns.currentManagerId ?? "");
  const others = view.team.members.filter((m) => !view.tns.options.some((o) => o.id === m.id));
  return (
    <form
      className="fu-tns__choice"
      aria-label="Passer en client pro / TNS"
      onSubmit={(e) => {
        e.preventDefault();
        record("tns-requalification", { accountManagerId: managerId });
      }}
    >
      <Field id="tns-manager" label="C'est un TNS : chargé de clientèle des professionnels" error={error ?? undefined}>
        {(c) => (
          <select {...c} className="input" value={managerId} onChange={(e) => setManagerId(e.target.value)}>
            {view.tns.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} — pros, agence {o.agencyName}
              </option>
            ))}
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--primary button--small" disabled={pending || !managerId}>
        Passer en client pro / TNS
      </button>
    </form>
  );
}

function Dismiss({ view }: { view: FollowupView }) {
  const { record, error, fields, pending } = useRecord(view);
  const [reason, setReason] = useState("");
  return (
    <form
      className="fu-tns__choice"
      aria-label="Écarter le statut TNS"
      onSubmit={(e) => {
        e.preventDefault();
        record("tns-dismissal", { reason });
      }}
    >
      <Field id="tns-dismiss-reason" label="Ce n'est pas un TNS : motif" error={fields.reason ?? error ?? undefined}>
        {(c) => (
          <input
            {...c}
            className="input"
            value={reason}
            placeholder="Salarié, président de SAS, code NAF de l'employeur…"
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--secondary button--small" disabled={pending}>
        Écarter le statut TNS
      </button>
    </form>
  );
}
