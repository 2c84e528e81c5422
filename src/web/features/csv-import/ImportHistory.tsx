import { Link } from "react-router";
import { formatDateTime, formatNumber } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useImports } from "./api";
import { type CsvImport, IMPORT_STATUS_LABELS, reportUrl } from "./types";

const STATUS_BADGE = {
  pending: "",
  running: "badge--info",
  done: "badge--success",
  failed: "badge--danger",
  interrupted: "badge--warning",
} as const;

/** The supplier's last imports; an interrupted one offers to resume it with the same file. */
export function ImportHistory({ onResume }: { onResume(i: CsvImport): void }) {
  const imports = useImports();
  return (
    <section className="card card--flush" aria-labelledby="imports-title">
      <h2 id="imports-title" className="card__pad card__heading">
        Imports précédents
      </h2>
      {imports.isPending ? (
        <LoadingState />
      ) : imports.isError ? (
        <div className="card__pad">
          <ErrorState error={imports.error} onRetry={() => imports.refetch()} />
        </div>
      ) : imports.data.length === 0 ? (
        <EmptyState icon="upload" title="Aucun import pour l'instant." />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Fichier</th>
                <th scope="col">Produit</th>
                <th scope="col">Statut</th>
                <th scope="col" className="num">
                  Lignes
                </th>
                <th scope="col" className="num">
                  Acceptées
                </th>
                <th scope="col" className="num">
                  Rejetées
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((i) => (
                <tr key={i.id}>
                  <td className="nowrap">{formatDateTime(i.createdAt)}</td>
                  <td className="wrap-anywhere">{i.filename}</td>
                  <td>{productLabel(i.product)}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[i.status]}`} title={i.error ?? undefined}>
                      {IMPORT_STATUS_LABELS[i.status]}
                    </span>
                  </td>
                  <td className="num">{formatNumber(i.totalRows)}</td>
                  <td className="num">{formatNumber(i.accepted)}</td>
                  <td className="num">{formatNumber(i.rejected)}</td>
                  <td className="actions">
                    {i.status === "interrupted" && (
                      <button type="button" className="button button--secondary button--small" onClick={() => onResume(i)}>
                        Reprendre
                      </button>
                    )}
                    {i.totalRows > 0 && <Link to={`/apporteur/leads?importId=${i.id}`}>Leads</Link>}
                    {i.rejected > 0 && (
                      <a href={reportUrl(i.id)} download>
                        Rapport
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
