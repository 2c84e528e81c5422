import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { NewLink } from "../../ui/ActionLinks";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { leadsListUrl } from "../leads/filters";
import { useLeadStats } from "./api";
import { DailyChart } from "./DailyChart";
import { KpiCards } from "./KpiCards";
import { defaultPeriod, type Period, PeriodFilter } from "./PeriodFilter";
import { ProductChart } from "./ProductChart";
import { ReasonsBreakdown } from "./ReasonsBreakdown";
import { SalesBreakdown } from "./SalesBreakdown";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const period = useMemo<Period>(() => {
    const fallback = defaultPeriod();
    const from = params.get("from") ?? "";
    const to = params.get("to") ?? "";
    return { from: ISO_DAY.test(from) ? from : fallback.from, to: ISO_DAY.test(to) ? to : fallback.to };
  }, [params]);
  const stats = useLeadStats(period);

  return (
    <>
      <PageHeader
        title="Tableau de bord"
        subtitle="Leads acceptés et rejetés, par jour, par produit, les motifs de rejet, et les ventes de vos leads."
        actions={<NewLink to="/apporteur/nouveau">Nouveau lead</NewLink>}
      />
      <PeriodFilter period={period} onChange={(p) => setParams(new URLSearchParams({ from: p.from, to: p.to }), { replace: true })} />
      {stats.isPending ? (
        <LoadingState label="Calcul des statistiques…" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
      ) : (
        <div aria-busy={stats.isFetching}>
          <KpiCards accepted={stats.data.totals.accepted} rejected={stats.data.totals.rejected} />
          {stats.data.totals.accepted + stats.data.totals.rejected === 0 ? (
            <section className="card">
              <EmptyState icon="dashboard" title="Aucun lead reçu sur cette période.">
                <p>Envoyez vos premiers leads par l'API, un import CSV ou la saisie manuelle.</p>
                <div className="inline-list">
                  <Link className="button button--secondary" to="/apporteur/import">
                    Importer un CSV
                  </Link>
                  <Link className="button button--secondary" to="/apporteur/cles-api">
                    Créer une clé API
                  </Link>
                </div>
              </EmptyState>
            </section>
          ) : (
            <>
              <section className="card" aria-labelledby="chart-days-title">
                <h2 id="chart-days-title">Leads par jour</h2>
                <DailyChart byDay={stats.data.byDay} from={period.from} to={period.to} />
              </section>
              <div className="grid grid--2">
                <section className="card" aria-labelledby="chart-products-title">
                  <h2 id="chart-products-title">Par produit</h2>
                  <ProductChart byProduct={stats.data.byProduct} />
                </section>
                <section className="card" aria-labelledby="chart-reasons-title">
                  <h2 id="chart-reasons-title">Motifs de rejet</h2>
                  {stats.data.byReason.length === 0 ? (
                    <EmptyState icon="check" title="Aucun rejet sur la période." />
                  ) : (
                    <ReasonsBreakdown byReason={stats.data.byReason} rejectedUrl={leadsListUrl({ ...period, status: "rejected" })} />
                  )}
                </section>
              </div>
              <section className="card" aria-labelledby="sales-title">
                <h2 id="sales-title">Ventes de vos leads</h2>
                <SalesBreakdown sales={stats.data.sales} returns={stats.data.returns} accepted={stats.data.totals.accepted} />
              </section>
            </>
          )}
        </div>
      )}
    </>
  );
}
