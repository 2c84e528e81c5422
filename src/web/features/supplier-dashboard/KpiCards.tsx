import { formatNumber } from "../../ui/format";

function percent(part: number, total: number): string {
  return total === 0 ? "—" : `${Math.round((part / total) * 1000) / 10}\u00a0%`.replace(".", ",");
}

export function KpiCards({ accepted, rejected }: { accepted: number; rejected: number }) {
  const total = accepted + rejected;
  return (
    <div className="kpis">
      <div className="kpi">
        <span className="kpi__label">Leads reçus</span>
        <span className="kpi__value" data-testid="kpi-total">
          {formatNumber(total)}
        </span>
      </div>
      <div className="kpi kpi--success">
        <span className="kpi__label">Acceptés</span>
        <span className="kpi__value" data-testid="kpi-accepted">
          {formatNumber(accepted)}
        </span>
      </div>
      <div className="kpi kpi--danger">
        <span className="kpi__label">Rejetés</span>
        <span className="kpi__value" data-testid="kpi-rejected">
          {formatNumber(rejected)}
        </span>
      </div>
      <div className="kpi">
        <span className="kpi__label">Taux d'acceptation</span>
        <span className="kpi__value">{percent(accepted, total)}</span>
      </div>
    </div>
  );
}
