import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { formatNumber } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { Pager } from "../../ui/Pager";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { filtersFromParams, filtersToParams } from "../../ui/url-filters";
import { type BrokerLeadFilters, exportUrl, useBrokerLeads } from "./api";
import { BrokerDashboardCard } from "./BrokerDashboardCard";
import { BrokerLeadFiltersBar } from "./BrokerLeadFiltersBar";
import { BrokerLeadsTable } from "./BrokerLeadsTable";

/** The leads and RDV the brokerage bought: this week's figures, then the list to work from. */
export function BrokerLeadsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams<BrokerLeadFilters>(params), [params]);
  const onChange = useCallback((next: BrokerLeadFilters) => setParams(filtersToParams(next), { replace: true }), [setParams]);
  const list = useBrokerLeads(filters);
  const data = list.data;
  const page = filters.page ?? 1;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = Object.keys(filters).some((k) => k !== "page");

  return (
    <>
      <PageHeader
        title="Mes leads et RDV"
        subtitle="Les leads et rendez-vous achetés par votre cabinet, avec leur preuve de consentement. Appelez dans les 30 jours qui suivent le consentement."
        actions={
          <a className="button button--secondary" href={exportUrl(filters)} download>
            <Icon name="download" />
            Exporter en CSV
          </a>
        }
      />
      <BrokerDashboardCard />
      <BrokerLeadFiltersBar filters={filters} onChange={onChange} />
      <section className="card card--flush" aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending ? (
          <LoadingState label="Chargement de vos leads…" />
        ) : list.isError ? (
          <div className="card__pad">
            <ErrorState error={list.error} onRetry={() => list.refetch()} />
          </div>
        ) : !data || data.items.length === 0 ? (
          <EmptyState icon="list" title={filtered ? "Aucun lead ne correspond à ces critères." : "Vous n'avez encore acheté aucun lead."}>
            {filtered ? (
              <button type="button" className="button button--secondary" onClick={() => onChange({})}>
                Effacer les filtres
              </button>
            ) : (
              <p>Les leads achetés en salle de marché ou reçus par vos commandes exclusives apparaissent ici.</p>
            )}
          </EmptyState>
        ) : (
          <>
            <BrokerLeadsTable leads={data.items} />
            <div className="table-footer">
              <span data-testid="bl-total">
                {data.totalCapped ? `Plus de ${formatNumber(data.total)} leads` : `${formatNumber(data.total)} lead(s)`}
              </span>
              <Pager page={page} pages={pages} onPage={(p) => onChange({ ...filters, page: p })} />
            </div>
          </>
        )}
      </section>
    </>
  );
}
