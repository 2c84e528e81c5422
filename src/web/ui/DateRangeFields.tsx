import { Field } from "./Field";

export interface DateRange {
  from?: string;
  to?: string;
}

interface DateRangeFieldsProps {
  /** The fields' ids are `${idPrefix}-from` and `${idPrefix}-to`. */
  idPrefix: string;
  fromLabel?: string;
  range: DateRange;
  /** Called with the bound that changed and its new value ("" when it is cleared). */
  onChange(bound: keyof DateRange, value: string): void;
}

const BOUNDS = ["from", "to"] as const;

/** Two dates "Du" / "Au", each one bounded by the other so that the period cannot be reversed. */
export function DateRangeFields({ idPrefix, fromLabel = "Du", range, onChange }: DateRangeFieldsProps) {
  return BOUNDS.map((bound) => (
    <Field key={bound} id={`${idPrefix}-${bound}`} label={bound === "from" ? fromLabel : "Au"}>
      {(c) => (
        <input
          {...c}
          className="input"
          type="date"
          value={range[bound] ?? ""}
          min={bound === "to" ? range.from : undefined}
          max={bound === "from" ? range.to : undefined}
          onChange={(e) => onChange(bound, e.target.value)}
        />
      )}
    </Field>
  ));
}
