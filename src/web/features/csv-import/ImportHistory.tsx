import { Link } from "react-router";
import { formatDateTime, formatNumber } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { actionsColumn, type Column, Table } from "../../ui/Table";
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
  const columns: Column<CsvImport>[] = [
    { key: "createdAt", header: "Date", className: "nowrap", sortValue: (i) => i.createdAt, cell: (i) => formatDateTime(i.createdAt) },
    { key: "filename", header: "Fichier", className: "wrap-anywhere", sortValue: (i) => i.filename, cell: (i) => i.filename },
    { key: "product", header: "Produit", sortValue: (i) => productLabel(i.product), cell: (i) => productLabel(i.product) },
    {
      key: "status",
      header: "Statut",
      cell: (i) => (
        <span className={`badge ${STATUS_BADGE[i.status]}`} title={i.error ?? undefined}>
          {IMPORT_STATUS_LABELS[i.status]}
        </span>
      ),
    },
    { key: "totalRows", header: "Lignes", className: "num", sortValue: (i) => i.totalRows, cell: (i) => formatNumber(i.totalRows) },
    { key: "accepted", header: "Acceptées", className: "num", sortValue: (i) => i.accepted, cell: (i) => formatNumber(i.accepted) },
    { key: "rejected", header: "Rejetées", className: "num", sortValue: (i) => i.rejected, cell: (i) => formatNumber(i.rejected) },
    actionsColumn((i) => (
      <>
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
      </>
    )),
  ];
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
        <Table rows={imports.data} columns={columns} rowKey={(i) => i.id} />
      )}
    </section>
  );
}
