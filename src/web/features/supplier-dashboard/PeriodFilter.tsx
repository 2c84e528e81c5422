import { DateRangeFields } from "../../ui/DateRangeFields";
import { parisDay } from "../../ui/format";

const PRESETS = [
  { days: 7, label: "7 jours" },
  { days: 30, label: "30 jours" },
  { days: 90, label: "90 jours" },
];

export interface Period {
  from: string;
  to: string;
}

export function defaultPeriod(): Period {
  return { from: parisDay(-29), to: parisDay(0) };
}

export function PeriodFilter({ period, onChange }: { period: Period; onChange(p: Period): void }) {
  const today = parisDay(0);
  return (
    <fieldset className="period card">
      <legend className="visually-hidden">Période affichée</legend>
      <div className="period__presets">
        <span className="period__label">Période :</span>
        {PRESETS.map((p) => {
          const from = parisDay(-(p.days - 1));
          const active = period.from === from && period.to === today;
          return (
            <button
              key={p.days}
              type="button"
              className={`button button--small ${active ? "button--primary" : "button--secondary"}`}
              aria-pressed={active}
              onClick={() => onChange({ from, to: today })}
            >
              {p.label}
            </button>
          );
        })}
      </div>
      <div className="period__dates">
        <DateRangeFields idPrefix="period" range={period} onChange={(bound, value) => value && onChange({ ...period, [bound]: value })} />
      </div>
    </fieldset>
  );
}
