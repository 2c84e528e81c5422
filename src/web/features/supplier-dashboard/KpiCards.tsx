import { formatNumber } from "../../ui/format";
import { Kpis } from "../../ui/Kpis";

function percent(part: number, total: number): string {
  return total === 0 ? "—" : `${Math.round((part / total) * 1000) / 10}\u00a0%`.replace(".", ",");
}

export function KpiCards({ accepted, rejected }: { accepted: number; rejected: number }) {
  const total = accepted + rejected;
  return (
    <Kpis
      items={[
        { label: "Leads reçus", value: formatNumber(total), testId: "kpi-total" },
        { label: "Acceptés", value: formatNumber(accepted), testId: "kpi-accepted", kind: "success" },
        { label: "Rejetés", value: formatNumber(rejected), testId: "kpi-rejected", kind: "danger" },
        { label: "Taux d'acceptation", value: percent(accepted, total) },
      ]}
    />
  );
}
