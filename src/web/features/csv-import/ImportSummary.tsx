import { Link } from "react-router";
import { formatNumber } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { ImportOutcome } from "../../ui/ImportOutcome";
import { productLabel } from "../../ui/products";
import { type CsvImport, reportUrl } from "./types";

export function ImportSummary({ summary, onAnother }: { summary: CsvImport; onAnother(): void }) {
  // Failed or interrupted, the import stopped before the end of the file; an interrupted one can be resumed.
  const failed = summary.status === "failed" || summary.status === "interrupted";
  return (
    <ImportOutcome
      id="import-summary-title"
      failed={failed}
      file={`${summary.filename} — ${productLabel(summary.product)}`}
      error={failed ? summary.error : null}
      kpisClassName="kpis--compact"
      kpis={[
        { label: "Lignes", value: formatNumber(summary.totalRows), testId: "import-total" },
        { label: "Acceptées", value: formatNumber(summary.accepted), testId: "import-accepted", kind: "success" },
        { label: "Rejetées", value: formatNumber(summary.rejected), testId: "import-rejected", kind: "danger" },
      ]}
    >
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
    </ImportOutcome>
  );
}
