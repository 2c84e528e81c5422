import { useState } from "react";
import { Alert } from "../../ui/Alert";
import type { FollowupView } from "./types";
import { useRecord } from "./use-fire";

/**
 * Spec 002 §4.3: a TNS detected on a particulier record (even with a personal contract only) is
 * switched to "client pro / TNS", and the account manager for professionals is proposed; the agent
 * confirms or picks another one.
 */
export function TnsBanner({ view }: { view: FollowupView }) {
  const { record, error, pending } = useRecord(view);
  const [managerId, setManagerId] = useState(view.tns.proposedManagerId ?? view.tns.currentManagerId ?? "");
  if (!view.tns.required) return null;
  const others = view.team.members.filter((m) => !view.tns.options.some((o) => o.id === m.id));
  return (
    <Alert kind="warning" title="Client TNS détecté : passer la fiche en client pro / TNS">
      <p>
        Les points professionnels (SIRET, code NAF, activité…) sont ajoutés à la fiche. Confirmez le chargé de clientèle des professionnels
        :
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          record("tns-requalification", { accountManagerId: managerId });
        }}
      >
        <select aria-label="Chargé de clientèle proposé" className="input" value={managerId} onChange={(e) => setManagerId(e.target.value)}>
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
        <button type="submit" className="button button--primary button--small" disabled={pending || !managerId}>
          Passer en client pro / TNS
        </button>
      </form>
      {error && <p className="field__error">{error}</p>}
    </Alert>
  );
}
