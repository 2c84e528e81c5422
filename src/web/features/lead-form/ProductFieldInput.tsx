import { DEPARTEMENTS, type FieldDefinition, parseFieldText } from "../../../modules/catalogue/rules";
import { dateBoundsFor } from "../../../modules/catalogue/rules/dates";
import { type ControlProps, Field, FieldSet } from "../../ui/Field";

interface Props {
  field: FieldDefinition;
  value: string;
  required: boolean;
  error?: string;
  onChange(value: string): void;
}

const DEPARTEMENT_NAMES = new Map<string, string>(DEPARTEMENTS.map((d) => [d.code, d.name]));

function hintOf(field: FieldDefinition): string | undefined {
  switch (field.type) {
    case "amount":
      return field.help ?? `Entre ${field.min.toLocaleString("fr-FR")} € et ${field.max.toLocaleString("fr-FR")} €`;
    case "integer":
    case "decimal":
      return (
        field.help ??
        `Entre ${field.min.toLocaleString("fr-FR")} et ${field.max.toLocaleString("fr-FR")}${field.unit ? ` ${field.unit}` : ""}`
      );
    case "departements":
      return field.help ?? "Codes séparés par des virgules, ex. 13, 83, 2A";
    default:
      return field.help;
  }
}

/** One product field, drawn from its catalogue definition: the control follows the field's type. */
export function ProductFieldInput({ field, value, required, error, onChange }: Props) {
  const id = `field-${field.key}`;

  if (field.type === "boolean") {
    return (
      <FieldSet id={id} legend={field.label} required={required} hint={field.help} error={error}>
        <div className="radios radios--inline">
          {[
            { v: "oui", label: "Oui" },
            { v: "non", label: "Non" },
          ].map((o) => (
            <label key={o.v} className="radio">
              <input type="radio" name={id} value={o.v} checked={value === o.v} onChange={() => onChange(o.v)} />
              {o.label}
            </label>
          ))}
        </div>
      </FieldSet>
    );
  }

  return (
    <Field id={id} label={field.label} required={required} hint={hintOf(field)} error={error}>
      {(c) => <Control field={field} value={value} onChange={onChange} control={c} />}
    </Field>
  );
}

function Control({
  field,
  value,
  onChange,
  control,
}: {
  field: FieldDefinition;
  value: string;
  onChange(v: string): void;
  control: ControlProps;
}) {
  switch (field.type) {
    case "choice":
    case "band": {
      const options = field.type === "choice" ? field.options : field.bands;
      return (
        <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choisir…</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    }
    case "date": {
      const { min, max } = dateBoundsFor(field.bounds, new Date());
      return (
        <input
          {...control}
          className="input input--date"
          type="date"
          value={value}
          min={min}
          max={max}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
    case "amount":
    case "integer":
    case "decimal": {
      const unit = field.type === "amount" ? "€" : field.unit;
      return (
        <div className="input-affix">
          <input
            {...control}
            className="input"
            type="text"
            inputMode={field.type === "integer" ? "numeric" : "decimal"}
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          {unit && <span className="input-affix__unit">{unit}</span>}
        </div>
      );
    }
    case "departements":
      return (
        <>
          <input {...control} className="input" type="text" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
          <DepartementsPreview field={field} value={value} />
        </>
      );
    case "text":
      return (
        <input
          {...control}
          className="input"
          type="text"
          maxLength={field.maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "boolean":
      return null;
  }
}

/** Shows which départements the typed codes mean, so a typo is seen before sending. */
function DepartementsPreview({ field, value }: { field: FieldDefinition; value: string }) {
  const parsed = parseFieldText(field, value);
  if (!parsed.ok || !Array.isArray(parsed.value)) return null;
  return (
    <ul className="chip-row" aria-label="Départements reconnus">
      {(parsed.value as string[]).map((code) => (
        <li key={code} className={`chip${DEPARTEMENT_NAMES.has(code) ? "" : " chip--danger"}`}>
          {code} {DEPARTEMENT_NAMES.get(code) ?? "(inconnu)"}
        </li>
      ))}
    </ul>
  );
}
