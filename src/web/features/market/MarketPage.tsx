import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../api/client";
import { formatNumber } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { Pager } from "../../ui/Pager";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { filtersFromParams, filtersToParams } from "../../ui/url-filters";
import { type Hold, type MarketFilters, type MarketLead, useHoldLead, useMarket } from "./api";
import { HoldPanel } from "./HoldPanel";
import { MarketFiltersBar } from "./MarketFiltersBar";
import { MarketTable } from "./MarketTable";

/** The "salle de marché": leads no order took, bought one at a time, by credits or card, with a 5-minute hold while paying. */
export function MarketPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams<MarketFilters>(params, ["minPriceCents", "maxPriceCents", "page"]), [params]);
  const onChange = useCallback((next: MarketFilters) => setParams(filtersToParams(next), { replace: true }), [setParams]);
  const list = useMarket(filters);
  const holdLead = useHoldLead();
  const toast = useToast();
  const [current, setCurrent] = useState<{ hold: Hold; lead: MarketLead } | null>(null);

  const reserve = (lead: MarketLead) => {
    // One key per intention to buy this lead: a double click or a retried request gives back the same hold.
    const key = `${lead.leadId}:${crypto.randomUUID()}`;
    holdLead.mutate(
      { leadId: lead.leadId, key },
      {
        onSuccess: (hold) => setCurrent({ hold, lead }),
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  };

  const page = filters.page ?? 1;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <PageHeader
        title="Salle de marché"
        subtitle="Leads non vendus en exclusivité, à l'unité. Nom et coordonnées sont révélés après l'achat. La liste se met à jour toute seule."
      />
      {current && <HoldPanel hold={current.hold} lead={current.lead} onClose={() => setCurrent(null)} />}
      <MarketFiltersBar filters={filters} onChange={onChange} />
      <section className="card card--flush" aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending ? (
          <LoadingState label="Chargement de la salle de marché…" />
        ) : list.isError ? (
          <div className="card__pad">
            <ErrorState error={list.error} onRetry={() => list.refetch()} />
          </div>
        ) : !data || data.items.length === 0 ? (
          <EmptyState icon="list" title="Aucun lead en vente ne correspond à ces critères.">
            <p>Les nouveaux leads non vendus en exclusivité apparaissent ici dès leur réception.</p>
          </EmptyState>
        ) : (
          <>
            <MarketTable
              leads={data.items}
              busyLeadId={holdLead.isPending ? (holdLead.variables?.leadId ?? null) : null}
              onReserve={reserve}
            />
            <div className="table-footer">
              <span>
                {data.totalCapped ? `Plus de ${formatNumber(data.total)} leads en vente` : `${formatNumber(data.total)} lead(s) en vente`}
              </span>
              <Pager page={page} pages={pages} onPage={(p) => onChange({ ...filters, page: p })} />
            </div>
          </>
        )}
      </section>
    </>
  );
}
