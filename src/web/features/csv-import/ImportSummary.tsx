import { Link } from "react-router";
import { Alert } from "../../ui/Alert";
import { formatNumber } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { Kpis } from "../../ui/Kpis";
import { productLabel } from "../../ui/products";
import { type CsvImport, reportUrl } from "./types";

export function ImportSummary({ summary, onAnother }: { summary: CsvImport; onAnother(): void }) {
  // Failed or interrupted, the import stopped before the end of the file; an interrupted one can be resumed.
  const failed = summary.status === "failed" || summary.status === "interrupted";
  return (
    <section
      className={`card outcome ${failed ? "outcome--danger" : "outcome--success"}`}
      aria-labelledby="import-summary-title"
      aria-live="polite"
    >
      <h2 id="import-summary-title">{failed ? "Import interrompu" : "Import terminé"}</h2>
      <p className="muted">
        {summary.filename} — {productLabel(summary.product)}
      </p>
      {failed && summary.error && (
        <Alert kind="error">
          <p>{summary.error}</p>
        </Alert>
      )}
      <Kpis
        className="kpis--compact"
        items={[
          { label: "Lignes", value: formatNumber(summary.totalRows), testId: "import-total" },
          { label: "Acceptées", value: formatNumber(summary.accepted), testId: "import-accepted", kind: "success" },
          { label: "Rejetées", value: formatNumber(summary.rejected), testId: "import-rejected", kind: "danger" },
        ]}
      />
      <div className="inline-list">
        {summary.rejected > 0 && (
          <a className="button button--primary" href={reportUrl(summary.id)} download>
            <Icon name="download" />
            Télécharger le rapport des lignes rejetées
          </a>
        )}
        {summary.totalRows > 0 && (
          <Link className="button button--secondary" to={`/apporteur/leads?importId=${summary.id}`}>
            Voir les leads de cet import
          </Link>
        )}
        <button type="button" className="button button--ghost" onClick={onAnother}>
          Nouvel import
        </button>
      </div>
    </section>
  );
}
