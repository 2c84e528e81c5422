import { Link } from "react-router";
import { formatDateTime, formatNumber } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { ImportOutcome } from "../../ui/ImportOutcome";
import type { Kpi } from "../../ui/Kpis";
import { type Column, Table } from "../../ui/Table";
import { rejectsUrl, useImports } from "./api";
import type { CrmImport } from "./types";

export function ImportReport({ summary, onAnother }: { summary: CrmImport; onAnother(): void }) {
  const failed = summary.status === "failed";
  const kpis: Kpi[] = [
    { label: "Lignes", value: formatNumber(summary.totalRows), testId: "crm-import-total" },
    { label: "Clients créés", value: formatNumber(summary.clientsCreated), testId: "crm-import-clients-created", kind: "success" },
    { label: "Clients mis à jour", value: formatNumber(summary.clientsUpdated), testId: "crm-import-clients-updated" },
    {
      label: "Contrats créés / mis à jour",
      value: `${formatNumber(summary.contractsCreated)} / ${formatNumber(summary.contractsUpdated)}`,
      testId: "crm-import-contracts",
    },
    { label: "Lignes rejetées", value: formatNumber(summary.rejectedRows), testId: "crm-import-rejected", kind: "danger" },
  ];
  return (
    <ImportOutcome
      id="crm-import-report-title"
      failed={failed}
      file={summary.filename}
      error={summary.error}
      kpis={kpis}
      kpisClassName="crm-kpis"
    >
      {summary.rejectedRows > 0 && (
        <a className="button button--primary" href={rejectsUrl(summary.id)} download>
          <Icon name="download" />
          Télécharger les lignes rejetées et leurs motifs
        </a>
      )}
      <Link className="button button--secondary" to="/courtier/clients">
        Voir les clients
      </Link>
      <button type="button" className="button button--ghost" onClick={onAnother}>
        Nouvel import
      </button>
    </ImportOutcome>
  );
}

const HISTORY_COLUMNS: Column<CrmImport>[] = [
  { key: "date", header: "Date", className: "nowrap", cell: (i) => formatDateTime(i.createdAt) },
  {
    key: "file",
    header: "Fichier",
    cell: (i) => (
      <>
        {i.filename}
        {i.status === "failed" && <span className="badge badge--danger"> Interrompu</span>}
        {i.status === "running" && <span className="badge badge--info"> En cours</span>}
        {i.status === "interrupted" && (
          <span className="badge badge--warning" title={i.error ?? undefined}>
            {" "}
            Arrêt du serveur : renvoyez le fichier
          </span>
        )}
      </>
    ),
  },
  { key: "rows", header: "Lignes", cell: (i) => formatNumber(i.totalRows) },
  {
    key: "clients",
    header: "Clients créés / mis à jour",
    cell: (i) => `${formatNumber(i.clientsCreated)} / ${formatNumber(i.clientsUpdated)}`,
  },
  {
    key: "rejected",
    header: "Rejetées",
    cell: (i) =>
      i.rejectedRows > 0 ? (
        <a href={rejectsUrl(i.id)} download>
          {formatNumber(i.rejectedRows)}
        </a>
      ) : (
        "0"
      ),
  },
];

export function ImportHistory() {
  const imports = useImports();
  const items = imports.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card card--flush" aria-labelledby="crm-import-history-title">
      <h2 id="crm-import-history-title" className="crm-history-title">
        Derniers imports
      </h2>
      <Table rows={items} columns={HISTORY_COLUMNS} rowKey={(i) => i.id} />
    </section>
  );
}
