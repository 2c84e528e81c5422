import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useProfile } from "../../app/session";
import { formatDateTime, formatPhone } from "../../ui/format";
import { ListCount, LoadMoreButton } from "../../ui/ListCount";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type ListFilters, useFollowupList } from "./api";
import "./followup.css";
import { monthLabel } from "./labels";
import { StateBadge } from "./StateBadge";

const TABS = [
  { state: "open", label: "À traiter" },
  { state: "scheduled_callback", label: "Rappels programmés" },
  { state: "preparation", label: "À appeler" },
  { state: "closed", label: "Clôturés" },
] as const;

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
          <div className="table-wrap">
            <table className="table table--clickable">
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Étape</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Agence</th>
                  <th scope="col">Chargé(e)</th>
                  <th scope="col" className="num th--wrap">
                    Actions ouvertes
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((f) => {
                  const to = `/courtier/appels-m3/${f.id}`;
                  return (
                    <tr key={f.id} onClick={() => navigate(to)}>
                      <td>
                        <Link to={to} className="table__primary nowrap" onClick={(e) => e.stopPropagation()}>
                          {f.clientName}
                        </Link>
                        <span className="table__secondary">{formatPhone(f.clientPhone) || "—"}</span>
                      </td>
                      <td>
                        <StateBadge state={f.state} />
                      </td>
                      <td>
                        {f.state === "scheduled_callback" && f.callbackAt
                          ? `Rappel le ${formatDateTime(f.callbackAt)}`
                          : `Campagne de ${monthLabel(f.cohortMonth)}`}
                      </td>
                      <td>{f.agencyName ?? "—"}</td>
                      <td className="nowrap">{f.assigneeName ?? <span className="muted">Non attribué</span>}</td>
                      <td className="num">{f.openActions}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="table-footer">
            <ListCount shown={items.length} total={count(filters.state)} one="appel affiché" many="appels affichés" />
            <LoadMoreButton list={list} />
          </div>
        </section>
      )}
    </>
  );
}
