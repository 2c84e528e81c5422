import type { ReactNode } from "react";

export interface Kpi {
  label: string;
  value: ReactNode;
  /** The value's data-testid, for the tests that read a figure. */
  testId?: string;
  kind?: "success" | "danger";
  /** A line under the value ("dont 3 RDV", "sur 40 acceptés"…), with its own class. */
  note?: ReactNode;
}

/** A row of key figures, each a label over its value. */
export function Kpis({ items, className }: { items: readonly Kpi[]; className?: string }) {
  return (
    <div className={`kpis${className ? ` ${className}` : ""}`}>
      {items.map((k) => (
        <div key={k.label} className={`kpi${k.kind ? ` kpi--${k.kind}` : ""}`}>
          <span className="kpi__label">{k.label}</span>
          <span className="kpi__value" data-testid={k.testId}>
            {k.value}
          </span>
          {k.note}
        </div>
      ))}
    </div>
  );
}
