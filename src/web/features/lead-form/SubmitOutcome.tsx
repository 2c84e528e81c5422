import { Link } from "react-router";
import { Alert } from "../../ui/Alert";
import { ReasonsList } from "../../ui/ReasonsList";
import type { Reason } from "../leads/types";

export function AcceptedPanel({ id, summary, onAnother }: { id: string; summary: string; onAnother(): void }) {
  return (
    <section className="card outcome outcome--success" aria-live="polite">
      <h2>Lead accepté ✔</h2>
      <p>
        <strong>{summary}</strong> a été enregistré avec sa preuve de consentement.
      </p>
      <div className="inline-list">
        <Link className="button button--primary" to={`/apporteur/leads/${id}`}>
          Voir la fiche du lead
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          Saisir un autre lead
        </button>
      </div>
    </section>
  );
}

export function RejectedSummary({ id, reasons, product }: { id: string; reasons: Reason[]; product: string }) {
  return (
    <Alert kind="error" title={`Lead rejeté — ${reasons.length > 1 ? `${reasons.length} motifs` : "1 motif"}`}>
      <p>Corrigez les champs signalés puis renvoyez le lead. Le lead rejeté reste consultable dans vos leads.</p>
      <ReasonsList reasons={reasons} product={product} />
      <p className="small">
        <Link to={`/apporteur/leads/${id}`}>Voir le lead rejeté</Link>
      </p>
    </Alert>
  );
}
