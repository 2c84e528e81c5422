import { Alert } from "../../ui/Alert";
import { Icon } from "../../ui/Icon";
import type { LeadIntegrity } from "./types";

const BADGES = {
  verified: <span className="badge badge--success">Intègre ✔</span>,
  pending: <span className="badge badge--info">Scellement en cours</span>,
  altered: <span className="badge badge--danger">Altéré</span>,
} as const;

const MARKS = { ok: "✔", pending: "…", failed: "✖" } as const;

/**
 * Whether this lead and its proof are what the application recorded: its event in the signed audit
 * journal, the digest it carries, the chain up to a signed checkpoint. What a judge would be shown.
 */
export function IntegrityCard({ integrity }: { integrity: LeadIntegrity }) {
  return (
    <section className="card proof" aria-labelledby="integrity-title">
      <div className="card__title-row">
        <h2 id="integrity-title">
          <Icon name="shield" className="heading-icon" /> Intégrité de la preuve
        </h2>
        {BADGES[integrity.status]}
      </div>
      {integrity.status === "altered" && (
        <Alert kind="error" title="Attention : ce lead ou sa preuve ont été modifiés hors de l'application">
          <p>
            Ce qui est enregistré aujourd'hui ne correspond plus au journal d'audit signé par LeadsAssurance. Cette preuve ne doit pas être
            utilisée en l'état ; contactez le support LeadsAssurance.
          </p>
        </Alert>
      )}
      <ul className="integrity-checks">
        {integrity.checks.map((c) => (
          <li key={`${c.code}-${c.message}`} className={`integrity-check integrity-check--${c.state}`}>
            <span aria-hidden="true" className="integrity-check__mark">
              {MARKS[c.state]}
            </span>
            <span>{c.message}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">
        Chaque lead est inscrit, au moment où il est reçu, dans un journal d'audit chaîné et signé par l'application ; la tête de la chaîne
        est régulièrement signée et conservée hors de la base de données.
      </p>
    </section>
  );
}
