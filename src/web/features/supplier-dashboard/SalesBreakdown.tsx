import { CHANNEL_LABELS } from "../../../modules/market/rules/sale-terms";
import { formatCents, formatNumber } from "../../ui/format";
import { EmptyState } from "../../ui/States";
import { departementLabel } from "../market/labels";
import type { LeadStats } from "./api";

/** What became of the period's leads: how many sold, for how much (sale price HT), by channel and département. */
export function SalesBreakdown({ sales, accepted }: { sales: LeadStats["sales"]; accepted: number }) {
  if (sales.count === 0) return <EmptyState icon="list" title="Aucun de vos leads de la période n'a encore été vendu." />;
  return (
    <>
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
