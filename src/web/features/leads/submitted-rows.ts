import { productBySlug } from "../../../shared/catalogue";
import { CONSENT_LABELS, CONTACT_LABELS } from "../../ui/field-paths";
import { formatNumber } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { formatFieldValue } from "./format-field";

export interface SubmittedRow {
  /** The dotted path as sent ("contact.phone", "fields.montantProjet", "extra.source[0]"): reasons point at it. */
  path: string;
  /** Its French name where known ("Contact › Téléphone"), else the path itself. */
  label: string;
  value: string;
}

const SECTIONS: Record<string, { label: string; keys?: Record<string, string> }> = {
  product: { label: "Produit" },
  type: { label: "Type" },
  externalRef: { label: "Référence externe" },
  contact: { label: "Contact", keys: CONTACT_LABELS },
  consent: { label: "Consentement", keys: CONSENT_LABELS },
  fields: { label: "Projet" },
};
const TYPES: Record<string, string> = { lead: "Lead", rdv: "Rendez-vous" };

function plainValue(value: unknown): string {
  if (value === null) return "(vide)";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * What a supplier sent, one line per value: nested objects flattened into paths, each named in French where
 * the platform knows it (contact, consent, the product's own fields), lists of plain values on one line.
 * Nothing is dropped or renamed away: an unknown key keeps its path, so it can be matched with the raw JSON.
 */
export function submittedRows(submitted: unknown, productSlug: string): SubmittedRow[] {
  const product = productBySlug(productSlug);
  const rows: SubmittedRow[] = [];

  const labelOf = (path: string[]): string => {
    const [root, key, ...rest] = path;
    const section = root !== undefined ? SECTIONS[root] : undefined;
    if (!section) return path.join(".");
    if (key === undefined) return section.label;
    const field = root === "fields" ? product?.fields.find((f) => f.key === key) : undefined;
    const name = field?.label ?? section.keys?.[key] ?? key;
    return [section.label, name, ...rest].join(" › ");
  };
  const fieldAt = (path: string[]) =>
    path[0] === "fields" && path.length === 2 ? product?.fields.find((f) => f.key === path[1]) : undefined;
  const valueOf = (path: string[], value: unknown): string => {
    if (path.length === 1 && path[0] === "product" && typeof value === "string") return `${productLabel(value)} (${value})`;
    if (path.length === 1 && path[0] === "type" && typeof value === "string") return TYPES[value] ?? value;
    const field = fieldAt(path);
    if (field) return formatFieldValue(field, value) || plainValue(value);
    return Array.isArray(value) ? value.map(plainValue).join(", ") : plainValue(value);
  };
  const walk = (path: string[], value: unknown) => {
    const leaf = (v: unknown) => rows.push({ path: path.join("."), label: labelOf(path), value: valueOf(path, v) });
    if (Array.isArray(value)) {
      // A list of plain values reads on one line; a list of objects is walked item by item.
      if (fieldAt(path) || value.every((v) => v === null || typeof v !== "object")) leaf(value);
      else value.forEach((item, i) => walk([...path.slice(0, -1), `${path.at(-1)}[${i}]`], item));
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      if (entries.length === 0) leaf(null);
      for (const [key, inner] of entries) walk([...path, key], inner);
    } else {
      leaf(value);
    }
  };
  if (submitted !== null && typeof submitted === "object" && !Array.isArray(submitted)) {
    for (const [key, value] of Object.entries(submitted)) walk([key], value);
  } else {
    rows.push({ path: "", label: "Données", value: plainValue(submitted) });
  }
  return rows;
}
