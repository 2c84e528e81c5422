import { RETURN_REASON_LABELS, type ReturnReason } from "../../../modules/broker-leads/rules/returns";
import { CHANNEL_LABELS } from "../../../modules/market/rules/sale-terms";
import { departementLabel } from "../../ui/departements";
import { formatCents, formatNumber } from "../../ui/format";
import { Kpis } from "../../ui/Kpis";
import { EmptyState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import type { LeadStats } from "./api";

const DEPARTEMENT_COLUMNS: Column<LeadStats["sales"]["byDepartement"][number]>[] = [
  { key: "departement", header: "Département", cardTitle: true, cell: (d) => departementLabel(d.departement) },
  { key: "channel", header: "Canal", cell: (d) => CHANNEL_LABELS[d.channel] },
  { key: "sold", header: "Vendus", className: "numeric", cell: (d) => formatNumber(d.sold) },
  { key: "revenue", header: "Montant HT", className: "numeric nowrap", cell: (d) => formatCents(d.revenueCents) },
];

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
      <Kpis
        items={[
          {
            label: "Leads vendus",
            value: formatNumber(sales.count),
            testId: "kpi-sold",
            note: <span className="muted">sur {formatNumber(accepted)} acceptés</span>,
          },
          {
            label: "Chiffre d'affaires au prix de vente (HT)",
            value: formatCents(sales.revenueCents),
            testId: "kpi-revenue",
            kind: "success",
          },
          ...sales.byChannel.map((c) => ({
            label: CHANNEL_LABELS[c.channel],
            value: formatNumber(c.sold),
            note: <span className="muted">{formatCents(c.revenueCents)} HT</span>,
          })),
        ]}
      />
      <Table rows={sales.byDepartement} columns={DEPARTEMENT_COLUMNS} rowKey={(d) => `${d.channel}|${d.departement ?? ""}`} cards />
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
