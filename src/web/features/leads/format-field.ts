import { DEPARTEMENTS, type FieldDefinition } from "../../../modules/catalogue/rules";
import { formatEuros, formatIsoDay, formatNumber } from "../../ui/format";

const DEPARTEMENT_NAMES = new Map<string, string>(DEPARTEMENTS.map((d) => [d.code, d.name]));

/**
 * A product field's stored value as a French reader expects it. A rejected lead keeps what was sent,
 * which may not have the expected type: such a value is shown as it came.
 */
export function formatFieldValue(field: FieldDefinition, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  switch (field.type) {
    case "amount":
      return typeof value === "number" ? formatEuros(value) : String(value);
    case "integer":
    case "decimal":
      return typeof value === "number" ? `${formatNumber(value)}${field.unit ? ` ${field.unit}` : ""}` : String(value);
    case "boolean":
      return value === true ? "Oui" : value === false ? "Non" : String(value);
    case "date":
      return typeof value === "string" ? formatIsoDay(value) : String(value);
    case "choice":
      return field.options.find((o) => o.value === value)?.label ?? String(value);
    case "band":
      return field.bands.find((b) => b.value === value)?.label ?? String(value);
    case "departements":
      return Array.isArray(value)
        ? value.map((c) => (DEPARTEMENT_NAMES.has(String(c)) ? `${c} (${DEPARTEMENT_NAMES.get(String(c))})` : String(c))).join(", ")
        : String(value);
    case "text":
      return String(value);
  }
}

export function formatUnknownValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
