import { useState } from "react";
import { formatCents, formatNumber } from "../../ui/format";
import { Kpis } from "../../ui/Kpis";
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
          <Kpis
            className="kpis--compact"
            items={[
              {
                label: "Leads et RDV reçus",
                value: formatNumber(d.received),
                testId: "bl-received",
                note: <span className="kpi__label">dont {formatNumber(d.rdv)} RDV</span>,
              },
              { label: "Taux de contact", value: percent(d.contactRate), testId: "bl-contact-rate" },
              { label: "Taux de transformation", value: percent(d.conversionRate), testId: "bl-conversion-rate", kind: "success" },
              { label: "Dépense (HT)", value: formatCents(d.spendCents) },
              { label: "Coût par client gagné", value: d.costPerWonCents === null ? "—" : formatCents(d.costPerWonCents) },
            ]}
          />
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
