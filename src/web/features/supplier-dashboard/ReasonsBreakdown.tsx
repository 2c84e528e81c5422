import { Link } from "react-router";
import { formatNumber } from "../../ui/format";
import type { LeadStats } from "./api";

/** Horizontal bars in plain HTML: the French messages are long and must wrap, which SVG labels cannot. */
export function ReasonsBreakdown({ byReason, rejectedUrl }: { byReason: LeadStats["byReason"]; rejectedUrl: string }) {
  const max = Math.max(1, ...byReason.map((r) => r.count));
  const total = byReason.reduce((n, r) => n + r.count, 0);
  return (
    <>
      <ol className="hbars" aria-label="Motifs de rejet, du plus fréquent au moins fréquent">
        {byReason.map((r) => (
          <li key={r.code} className="hbars__item">
            <div className="hbars__head">
              <span className="hbars__label">{r.message}</span>
              <span className="hbars__value">
                {formatNumber(r.count)} <span className="muted">({Math.round((r.count / Math.max(1, total)) * 100)} %)</span>
              </span>
            </div>
            <div className="hbars__track" aria-hidden="true">
              <div className="hbars__bar" style={{ width: `${(r.count / max) * 100}%` }} />
            </div>
          </li>
        ))}
      </ol>
      <p className="small">
        <Link to={rejectedUrl}>Voir les leads rejetés de la période</Link>
      </p>
    </>
  );
}
