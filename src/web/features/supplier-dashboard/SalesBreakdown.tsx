import { RETURN_REASON_LABELS, type ReturnReason } from "../../../modules/broker-leads/rules/returns";
import { CHANNEL_LABELS } from "../../../modules/market/rules/sale-terms";
import { departementLabel } from "../../ui/departements";
import { formatCents, formatNumber } from "../../ui/format";
import { EmptyState } from "../../ui/States";
import type { LeadStats } from "./api";

/** What became of the period's leads: how many sold, for how much (sale price HT), by channel and département. */
export function SalesBreakdown({
  sales,
  returns,
  accepted,
}: {
  sales: LeadStats["sales"];
  returns: LeadStats["returns"];
  accepted: number;
}) {
  if (sales.count === 0) return <EmptyState icon="list" title="Aucun de vos leads de la période n'a encore été vendu." />;
  return (
    <>
      <ReturnsLine returns={returns} sold={sales.count} />
      <div className="kpis">
        <div className="kpi">
          <span className="kpi__label">Leads vendus</span>
          <span className="kpi__value" data-testid="kpi-sold">
            {formatNumber(sales.count)}
          </span>
          <span className="muted">sur {formatNumber(accepted)} acceptés</span>
        </div>
        <div className="kpi kpi--success">
          <span className="kpi__label">Chiffre d'affaires au prix de vente (HT)</span>
          <span className="kpi__value" data-testid="kpi-revenue">
            {formatCents(sales.revenueCents)}
          </span>
        </div>
        {sales.byChannel.map((c) => (
          <div className="kpi" key={c.channel}>
            <span className="kpi__label">{CHANNEL_LABELS[c.channel]}</span>
            <span className="kpi__value">{formatNumber(c.sold)}</span>
            <span className="muted">{formatCents(c.revenueCents)} HT</span>
          </div>
        ))}
      </div>
      <div className="table-wrap">
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">Département</th>
              <th scope="col">Canal</th>
              <th scope="col" className="numeric">
                Vendus
              </th>
              <th scope="col" className="numeric">
                Montant HT
              </th>
            </tr>
          </thead>
          <tbody>
            {sales.byDepartement.map((d) => (
              <tr key={`${d.channel}|${d.departement ?? ""}`}>
                <td>{departementLabel(d.departement)}</td>
                <td data-label="Canal">{CHANNEL_LABELS[d.channel]}</td>
                <td data-label="Vendus" className="numeric">
                  {formatNumber(d.sold)}
                </td>
                <td data-label="Montant HT" className="numeric nowrap">
                  {formatCents(d.revenueCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Returns by the brokerages that bought the leads: the quality figure buyers judge a supplier by. */
function ReturnsLine({ returns, sold }: { returns: LeadStats["returns"]; sold: number }) {
  if (returns.requested === 0) return <p className="muted">Aucune contestation de vos leads vendus sur la période.</p>;
  return (
    <p data-testid="supplier-returns">
      <strong>{formatNumber(returns.requested)}</strong> contestation(s) pour {formatNumber(sold)} lead(s) vendu(s), dont{" "}
      {formatNumber(returns.accepted)} acceptée(s) :{" "}
      {returns.byReason.map((r) => `${RETURN_REASON_LABELS[r.reason as ReturnReason] ?? r.reason} (${r.requested})`).join(" ; ")}.
    </p>
  );
}
