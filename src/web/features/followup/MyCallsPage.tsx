import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useProfile } from "../../app/session";
import { formatDateTime, formatPhone } from "../../ui/format";
import { ListCount, LoadMoreButton } from "../../ui/ListCount";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import { type ListFilters, useFollowupList } from "./api";
import "./followup.css";
import { monthLabel } from "./labels";
import { StateBadge } from "./StateBadge";
import type { FollowupListItem } from "./types";

const TABS = [
  { state: "open", label: "À traiter" },
  { state: "scheduled_callback", label: "Rappels programmés" },
  { state: "preparation", label: "À appeler" },
  { state: "closed", label: "Clôturés" },
] as const;

const callPath = (f: FollowupListItem) => `/courtier/appels-m3/${f.id}`;

const CALL_COLUMNS: Column<FollowupListItem>[] = [
  {
    key: "client",
    header: "Client",
    cell: (f) => (
      <>
        <Link to={callPath(f)} className="table__primary nowrap" onClick={(e) => e.stopPropagation()}>
          {f.clientName}
        </Link>
        <span className="table__secondary">{formatPhone(f.clientPhone) || "—"}</span>
      </>
    ),
  },
  { key: "state", header: "Étape", cell: (f) => <StateBadge state={f.state} /> },
  {
    key: "due",
    header: "Échéance",
    cell: (f) =>
      f.state === "scheduled_callback" && f.callbackAt
        ? `Rappel le ${formatDateTime(f.callbackAt)}`
        : `Campagne de ${monthLabel(f.cohortMonth)}`,
  },
  { key: "agency", header: "Agence", cell: (f) => f.agencyName ?? "—" },
  { key: "assignee", header: "Chargé(e)", className: "nowrap", cell: (f) => f.assigneeName ?? <span className="muted">Non attribué</span> },
  { key: "openActions", header: "Actions ouvertes", className: "num th--wrap", cell: (f) => f.openActions },
];

export function MyCallsPage() {
  const { user } = useProfile();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<ListFilters>({ assignee: "me", state: "open" });
  const list = useFollowupList(filters);
  const counts = list.data?.pages[0]?.counts ?? {};
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const count = (state: string) =>
    state === "open" ? Object.entries(counts).reduce((n, [s, c]) => (s === "closed" ? n : n + c), 0) : (counts[state] ?? 0);

  return (
    <>
      <PageHeader
        title="Mes appels M+3"
        subtitle="Les clients à rappeler trois mois après leur premier contrat : rappels programmés d'abord, puis par mois de campagne."
        actions={
          user.role === "broker_admin" && (
            <select
              aria-label="Appels affichés"
              className="input input--medium"
              value={filters.assignee}
              onChange={(e) => setFilters({ ...filters, assignee: e.target.value as ListFilters["assignee"] })}
            >
              <option value="me">Mes appels</option>
              <option value="all">Tous les appels du cabinet</option>
            </select>
          )
        }
      />
      <fieldset className="fu-tabs">
        <legend className="visually-hidden">Étape</legend>
        {TABS.map((t) => (
          <button
            key={t.state}
            type="button"
            className="button button--secondary button--small"
            aria-pressed={filters.state === t.state}
            onClick={() => setFilters({ ...filters, state: t.state })}
          >
            {t.label} ({count(t.state)})
          </button>
        ))}
      </fieldset>
      {list.isPending ? (
        <LoadingState label="Chargement des appels…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <section className="card">
          <EmptyState icon="check" title="Aucun appel dans cette liste." />
        </section>
      ) : (
        <section className="card card--flush">
          <Table
            rows={items}
            columns={CALL_COLUMNS}
            rowKey={(f) => f.id}
            onRowClick={(f) => navigate(callPath(f))}
            footer={
              <>
                <ListCount shown={items.length} total={count(filters.state)} one="appel affiché" many="appels affichés" />
                <LoadMoreButton list={list} />
              </>
            }
          />
        </section>
      )}
    </>
  );
}
