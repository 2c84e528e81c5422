import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { ExportCsvLink, NewLink } from "../../ui/ActionLinks";
import { Icon } from "../../ui/Icon";
import { ListCard } from "../../ui/ListCard";
import { ListCount, LoadMoreButton } from "../../ui/ListCount";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState } from "../../ui/States";
import { useLeadList } from "./api";
import { exportUrl, filtersFromParams, filtersToParams } from "./filters";
import { LeadFiltersBar } from "./LeadFiltersBar";
import { LeadsTable } from "./LeadsTable";
import type { LeadFilters } from "./types";

export function LeadsListPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const onChange = useCallback((next: LeadFilters) => setParams(filtersToParams(next), { replace: true }), [setParams]);
  const list = useLeadList(filters);
  const leads = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <>
      <PageHeader
        title="Mes leads"
        subtitle="Tous les leads envoyés, acceptés et rejetés, avec leurs motifs."
        actions={
          <>
            <ExportCsvLink href={exportUrl(filters)} />
            <NewLink to="/apporteur/nouveau">Nouveau lead</NewLink>
          </>
        }
      />
      <LeadFiltersBar filters={filters} onChange={onChange} />
      {filters.importId && (
        <p className="chip-row">
          <span className="chip">
            Import n° {filters.importId.slice(0, 8)}
            <button
              type="button"
              className="chip__remove"
              aria-label="Retirer le filtre d'import"
              onClick={() => onChange({ ...filters, importId: undefined })}
            >
              <Icon name="x" size={14} />
            </button>
          </span>
        </p>
      )}
      <ListCard
        query={list}
        loadingLabel="Chargement des leads…"
        isEmpty={leads.length === 0}
        empty={
          <EmptyState icon="list" title="Aucun lead ne correspond à ces critères.">
            {Object.keys(filters).length > 0 ? (
              <button type="button" className="button button--secondary" onClick={() => onChange({})}>
                Effacer les filtres
              </button>
            ) : (
              <p>Envoyez vos leads par l'API, un import CSV ou la saisie manuelle.</p>
            )}
          </EmptyState>
        }
      >
        {() => (
          <>
            <LeadsTable leads={leads} />
            <div className="table-footer">
              <span className="inline-list">
                <ListCount
                  shown={leads.length}
                  total={total?.count ?? leads.length}
                  exact={total?.exact ?? true}
                  one="lead affiché"
                  many="leads affichés"
                />
                {Object.keys(filters).length > 0 && (
                  <button type="button" className="button button--ghost button--small" onClick={() => onChange({})}>
                    <Icon name="x" size={14} />
                    Effacer les filtres
                  </button>
                )}
              </span>
              <LoadMoreButton list={list} />
            </div>
          </>
        )}
      </ListCard>
    </>
  );
}
