import { formatNumber } from "../../ui/format";
import { percent, ratio } from "./labels";
import type { MeasureRow } from "./types";

const decimal = (n: number) => n.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** One line per agency, account manager or month, with the total at the bottom. */
export function MeasuresTable({ caption, rows, total, first }: { caption: string; rows: MeasureRow[]; total?: MeasureRow; first: string }) {
  const all = total ? [...rows, total] : rows;
  return (
    <div className="table-wrap">
      <table className="table fu-measures">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">
              Suivis dus
            </th>
            <th scope="col" className="num">
              À appeler
            </th>
            <th scope="col" className="num">
              En cours
            </th>
            <th scope="col" className="num">
              Clôturés
            </th>
            <th scope="col" className="num">
              Joignabilité
            </th>
            <th scope="col" className="num">
              Fiches qualifiées
            </th>
            <th scope="col" className="num">
              Contrats / client (M+3 → auj.)
            </th>
            <th scope="col" className="num">
              2+ contrats
            </th>
            <th scope="col" className="num">
              3+ contrats
            </th>
            <th scope="col" className="num">
              Opportunités / devis
            </th>
            <th scope="col" className="num">
              Actions en retard
            </th>
          </tr>
        </thead>
        <tbody>
          {all.map((r) => (
            <tr key={`${r.label}-${r.key}`} className={r === total ? "fu-total" : undefined}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatNumber(r.due)}</td>
              <td className="num">{formatNumber(r.notStarted)}</td>
              <td className="num">{formatNumber(r.inProgress)}</td>
              <td className="num">{formatNumber(r.closed)}</td>
              <td className="num">{percent(ratio(r.reached, r.due))}</td>
              <td className="num">{percent(ratio(r.qualified, r.due))}</td>
              <td className="num">
                {decimal(r.contractsBefore)} → {decimal(r.contractsNow)}
              </td>
              <td className="num">
                {percent(r.multi2Before)} → {percent(r.multi2Now)}
              </td>
              <td className="num">
                {percent(r.multi3Before)} → {percent(r.multi3Now)}
              </td>
              <td className="num">
                {formatNumber(r.opportunities)} / {formatNumber(r.quotes)}
              </td>
              <td className="num">{r.overdueActions > 0 ? <span className="badge badge--danger">{r.overdueActions}</span> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
