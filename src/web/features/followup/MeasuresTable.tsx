import type { ReactNode } from "react";
import { formatNumber } from "../../ui/format";
import { type Column, Table } from "../../ui/Table";
import { percent, ratio } from "./labels";
import type { MeasureRow } from "./types";

const decimal = (n: number) => n.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const num = (key: string, header: string, cell: (r: MeasureRow) => ReactNode): Column<MeasureRow> => ({
  key,
  header,
  className: "num",
  cell,
});

const COLUMNS: Column<MeasureRow>[] = [
  num("due", "Suivis dus", (r) => formatNumber(r.due)),
  num("todo", "À appeler", (r) => formatNumber(r.notStarted)),
  num("progress", "En cours", (r) => formatNumber(r.inProgress)),
  num("closed", "Clôturés", (r) => formatNumber(r.closed)),
  num("reach", "Joignabilité", (r) => percent(ratio(r.reached, r.due))),
  num("qualified", "Fiches qualifiées", (r) => percent(ratio(r.qualified, r.due))),
  num("contracts", "Contrats / client (M+3 → auj.)", (r) => `${decimal(r.contractsBefore)} → ${decimal(r.contractsNow)}`),
  num("multi2", "2+ contrats", (r) => `${percent(r.multi2Before)} → ${percent(r.multi2Now)}`),
  num("multi3", "3+ contrats", (r) => `${percent(r.multi3Before)} → ${percent(r.multi3Now)}`),
  num("opportunities", "Opportunités / devis", (r) => `${formatNumber(r.opportunities)} / ${formatNumber(r.quotes)}`),
  num("overdue", "Actions en retard", (r) => (r.overdueActions > 0 ? <span className="badge badge--danger">{r.overdueActions}</span> : 0)),
];

/** One line per agency, account manager or month, with the total at the bottom. */
export function MeasuresTable({ caption, rows, total, first }: { caption: string; rows: MeasureRow[]; total?: MeasureRow; first: string }) {
  return (
    <Table
      rows={total ? [...rows, total] : rows}
      columns={[{ key: "label", header: first, rowHeader: true, cell: (r) => r.label }, ...COLUMNS]}
      rowKey={(r) => `${r.label}-${r.key}`}
      rowClassName={(r) => (r === total ? "fu-total" : undefined)}
      label={caption}
      className="fu-measures"
    />
  );
}
