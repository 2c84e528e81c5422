import { groupBy } from "../../lib/group-by";
import { Field } from "./Field";

export interface SelectOption {
  value: string;
  label: string;
  /** The <optgroup> it is shown in (the options of one group follow each other). */
  group?: string;
}

/** The choices of a label map (value → French label), in the map's order. */
export function labelOptions(labels: Readonly<Record<string, string>>): SelectOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

function OptionList({ options }: { options: readonly SelectOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** The <option>s of a list of choices, in their <optgroup>s when they have one; for a select that is not a plain SelectField. */
export function Options({ options }: { options: readonly SelectOption[] }) {
  return [...groupBy(options, (o) => o.group)].map(([group, list]) =>
    group === undefined ? (
      <OptionList key="" options={list} />
    ) : (
      <optgroup key={group} label={group}>
        <OptionList options={list} />
      </optgroup>
    ),
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  /** The value chosen; undefined is the empty choice. */
  value: string | undefined;
  /** Called with the value chosen, "" for the empty choice. */
  onChange(value: string): void;
  options: readonly SelectOption[];
  /** Label of the empty choice ("Tous"…); without it, one of the options must be chosen. */
  emptyLabel?: string;
}

/** A labelled select, as the filter bars and forms have many: the label, an optional empty choice and the options. */
export function SelectField({ id, label, value, onChange, options, emptyLabel }: SelectFieldProps) {
  return (
    <Field id={id} label={label}>
      {(c) => (
        <select {...c} className="input" value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          <Options options={options} />
        </select>
      )}
    </Field>
  );
}
