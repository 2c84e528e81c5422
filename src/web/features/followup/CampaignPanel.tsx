import { useState } from "react";
import { errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { formatDateTime, formatIsoDay } from "../../ui/format";
import { useCampaignRuns, useRunCampaign } from "./api";
import { monthLabel } from "./labels";

/** broker_admin only: the monthly campaign on demand (catching up after an import), and the automatic runs. */
export function CampaignPanel({ months }: { months: string[] }) {
  const runs = useCampaignRuns();
  const run = useRunCampaign();
  const [month, setMonth] = useState(months[0] ?? "");
  return (
    <section className="card" aria-labelledby="campaign-title">
      <h2 id="campaign-title">Campagne mensuelle</h2>
      <p className="muted">
        Le 1er de chaque mois, un suivi M+3 est créé pour chaque client dont le premier contrat a démarré trois mois plus tôt. Relancer une
        campagne ne crée jamais de doublon.
      </p>
      <form
        className="fu-campaign-form"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate(month);
        }}
      >
        <label className="field" htmlFor="campaign-month">
          <span className="field__label">Mois de campagne</span>
          <select id="campaign-month" className="input input--medium" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={run.isPending}>
          {run.isPending ? "Campagne en cours…" : "Lancer la campagne du mois"}
        </button>
      </form>
      {run.isError && <Alert kind="error">{errorMessage(run.error)}</Alert>}
      {run.data && (
        <Alert
          kind="success"
          title={`Campagne de ${monthLabel(run.data.month)} : ${run.data.created} suivi${run.data.created > 1 ? "s" : ""} créé${run.data.created > 1 ? "s" : ""}`}
        >
          <p>
            Clients dont le premier contrat a démarré du {formatIsoDay(run.data.cohortFrom)} au {formatIsoDay(run.data.cohortTo)} (exclu)
            {run.data.created === 0 ? " : tous avaient déjà leur suivi." : "."}
          </p>
        </Alert>
      )}
      {runs.data && runs.data.runs.length > 0 && (
        <p className="muted">
          Exécutions automatiques :{" "}
          {runs.data.runs
            .slice(0, 4)
            .map(
              (r) =>
                `${monthLabel(r.month)} (${r.status === "done" ? `${r.created ?? 0} créé(s), ${formatDateTime(r.finishedAt)}` : r.status})`,
            )
            .join(" · ")}
        </p>
      )}
    </section>
  );
}
