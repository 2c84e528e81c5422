import type { ReactNode } from "react";

export interface DataRow {
  label: ReactNode;
  value: ReactNode;
  /** Shown in red under the value: what the server reproached this field. */
  problem?: ReactNode;
  wide?: boolean;
}

/** Label / value pairs, as a description list. Empty values show a dash rather than nothing. */
export function DataList({ rows }: { rows: DataRow[] }) {
  return (
    <dl className="datalist">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for a render
        <div key={i} className={`datalist__row${row.wide ? " datalist__row--wide" : ""}${row.problem ? " datalist__row--problem" : ""}`}>
          <dt>{row.label}</dt>
          <dd>
            {row.value === null || row.value === undefined || row.value === "" ? <span className="muted">—</span> : row.value}
            {row.problem && <span className="datalist__problem">{row.problem}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
