import { useState } from "react";
import { Table } from "../../ui/Table";
import { submittedRows } from "./submitted-rows";
import type { Reason } from "./types";

/**
 * What the supplier sent, as received: a readable table (open for a rejected lead, where it is compared with
 * the reasons, each shown on its line), and the raw JSON behind a toggle for integrators.
 */
export function SubmittedDataCard({
  submitted,
  submittedExact,
  leadId,
  product,
  reasons,
}: {
  submitted: unknown;
  /** The exact bytes (base64) when the database could not hold what was sent as it was. */
  submittedExact: string | null;
  leadId: string;
  product: string;
  reasons: Reason[];
}) {
  const [raw, setRaw] = useState(false);
  const rows = submittedRows(submitted, product);
  const problems = (path: string) => reasons.filter((r) => r.field === path).map((r) => r.message);
  return (
    <section className="card card--flush" aria-labelledby="lead-sent-title">
      <div className="card__pad card__title-row">
        <h2 id="lead-sent-title">Données envoyées (telles que reçues)</h2>
        <button type="button" className="button button--secondary button--small" aria-expanded={raw} onClick={() => setRaw((r) => !r)}>
          {raw ? "Masquer le JSON brut" : "Voir le JSON brut"}
        </button>
      </div>
      {submittedExact && (
        <p className="card__pad muted" data-testid="exact-bytes">
          Cet envoi contenait ce que la base ne peut pas garder tel quel (caractère nul, octets non UTF-8 ou structure trop imbriquée) : en
          voici une copie lisible, où « � » marque ces caractères. L'envoi exact est conservé octet pour octet :{" "}
          <a href={`data:application/octet-stream;base64,${submittedExact}`} download={`envoi-${leadId}.json`}>
            télécharger l'envoi exact
          </a>
          .
        </p>
      )}
      {raw && (
        <section className="card__pad" aria-label="JSON brut reçu">
          <pre className="code-block code-block--wrap">{JSON.stringify(submitted, null, 2)}</pre>
        </section>
      )}
      <Table
        rows={rows}
        rowKey={(row) => row.path}
        rowClassName={(row) => (problems(row.path).length > 0 ? "is-problem" : undefined)}
        label="Données envoyées, une ligne par valeur"
        className="table--fields"
        columns={[
          { key: "field", header: "Champ", rowHeader: true, cell: (row) => <span title={row.path}>{row.label}</span> },
          {
            key: "value",
            header: "Valeur reçue",
            className: "wrap-anywhere",
            cell: (row) => (
              <>
                {row.value}
                {problems(row.path).map((m) => (
                  <span key={m} className="datalist__problem">
                    {m}
                  </span>
                ))}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
