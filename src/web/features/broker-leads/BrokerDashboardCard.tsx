import { useState } from "react";
import { formatCents, formatNumber } from "../../ui/format";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { WeekChart } from "../broker-home/WeekChart";
import { useBrokerDashboard } from "./api";

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)} %`);

/** The week's or month's leads and RDV: volumes, contact and conversion rates, spend and cost per client won, by product. */
export function BrokerDashboardCard() {
  const [period, setPeriod] = useState<"week" | "month">("week");
  const dashboard = useBrokerDashboard(period);
  const d = dashboard.data;
  return (
    <section className="card" aria-labelledby="bl-dashboard-title">
      <div className="card__title-row">
        <h2 id="bl-dashboard-title">{period === "week" ? "Cette semaine" : "Ce mois-ci"}</h2>
        <div className="radios radios--inline" role="radiogroup" aria-label="Période">
          {(["week", "month"] as const).map((p) => (
            <label key={p} className="radio">
              <input type="radio" name="bl-period" checked={period === p} onChange={() => setPeriod(p)} />
              {p === "week" ? "Semaine" : "Mois"}
            </label>
          ))}
        </div>
      </div>
      {dashboard.isPending ? (
        <LoadingState label="Calcul de vos indicateurs…" />
      ) : dashboard.isError || !d ? (
        <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : (
        <>
          <div className="kpis kpis--compact">
            <div className="kpi">
              <span className="kpi__label">Leads et RDV reçus</span>
              <span className="kpi__value" data-testid="bl-received">
                {formatNumber(d.received)}
              </span>
              <span className="kpi__label">dont {formatNumber(d.rdv)} RDV</span>
            </div>
            <div className="kpi">
              <span className="kpi__label">Taux de contact</span>
              <span className="kpi__value" data-testid="bl-contact-rate">
                {percent(d.contactRate)}
              </span>
            </div>
            <div className="kpi kpi--success">
              <span className="kpi__label">Taux de transformation</span>
              <span className="kpi__value" data-testid="bl-conversion-rate">
                {percent(d.conversionRate)}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi__label">Dépense (HT)</span>
              <span className="kpi__value">{formatCents(d.spendCents)}</span>
            </div>
            <div className="kpi">
              <span className="kpi__label">Coût par client gagné</span>
              <span className="kpi__value">{d.costPerWonCents === null ? "—" : formatCents(d.costPerWonCents)}</span>
            </div>
          </div>
          {d.byProduct.length === 0 ? (
            <EmptyState icon="dashboard" title={period === "week" ? "Aucun lead reçu cette semaine." : "Aucun lead reçu ce mois-ci."} />
          ) : (
            <WeekChart byProduct={d.byProduct} />
          )}
        </>
      )}
    </section>
  );
}
