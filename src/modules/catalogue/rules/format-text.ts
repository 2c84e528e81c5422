import { formatFrenchDate } from "./dates";
import type { FieldDefinition } from "./types";

/**
 * The inverse of parseFieldText: a typed value written the way a French spreadsheet user writes it
 * (CSV template, form prefill). parseFieldText(field, formatFieldText(field, v)) gives v back.
 */

/** "1 234,5": plain spaces rather than Intl's U+202F, which some spreadsheets mangle. */
export function formatFrenchNumber(n: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(n) : n.toFixed(decimals);
  const [intPart = "", decPart] = fixed.replace("-", "").split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${n < 0 ? "-" : ""}${grouped}${decPart ? `,${decPart}` : ""}`;
}

export function formatFieldText(field: FieldDefinition, value: unknown): string {
  if (value === undefined || value === null) return "";
  switch (field.type) {
    case "integer":
    case "decimal":
      return typeof value === "number" ? formatFrenchNumber(value) : String(value);
    case "amount":
      if (typeof value !== "number") return String(value);
      return formatFrenchNumber(value, Number.isInteger(value) ? undefined : 2);
    case "boolean":
      return value === true ? "oui" : value === false ? "non" : String(value);
    case "date":
      return typeof value === "string" ? formatFrenchDate(value) : String(value);
    case "choice":
      return field.options.find((o) => o.value === value)?.label ?? String(value);
    case "band":
      return field.bands.find((b) => b.value === value)?.label ?? String(value);
    case "departements":
      return Array.isArray(value) ? value.join(", ") : String(value);
    case "text":
      return String(value);
  }
}
