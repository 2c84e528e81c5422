import { productBySlug } from "../../../modules/catalogue/rules";
import { CONSENT_LABELS, CONTACT_LABELS } from "../../ui/field-paths";
import { formatNumber, formatParisSeconds } from "../../ui/format";
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
const METHODS: Record<string, string> = { checkbox: "Case à cocher (checkbox)", oral: "Consentement oral (oral)" };
// Stored JSON (jsonb) does not keep the order keys were sent in: rows follow the form's order instead.
const ROOT_ORDER = ["product", "type", "externalRef", "contact", "fields", "consent"];

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
  const formatValue = (path: string[], value: unknown): string => {
    if (path.length === 1 && path[0] === "product" && typeof value === "string") return `${productLabel(value)} (${value})`;
    if (path.length === 1 && path[0] === "type" && typeof value === "string") return TYPES[value] ?? value;
    if (path.join(".") === "consent.method" && typeof value === "string") return METHODS[value] ?? value;
    if (path.join(".") === "consent.collectedAt" && typeof value === "string") {
      const paris = formatParisSeconds(value, "");
      return paris ? `${value} (${paris}, heure de Paris)` : value;
    }
    const field = fieldAt(path);
    if (field) return formatFieldValue(field, value) || plainValue(value);
    return Array.isArray(value) ? value.map(plainValue).join(", ") : plainValue(value);
  };
  const walk = (path: string[], value: unknown) => {
    const leaf = (v: unknown) => rows.push({ path: path.join("."), label: labelOf(path), value: formatValue(path, v) });
    if (Array.isArray(value)) {
      // A list of plain values reads on one line; a list of objects is walked item by item.
      if (fieldAt(path) || value.every((v) => v === null || typeof v !== "object")) leaf(value);
      else for (const [i, item] of value.entries()) walk([...path.slice(0, -1), `${path.at(-1)}[${i}]`], item);
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
  const keyOrder: Record<string, string[]> = {
    contact: Object.keys(CONTACT_LABELS),
    consent: Object.keys(CONSENT_LABELS),
    fields: product?.fields.map((f) => f.key) ?? [],
  };
  const rank = (path: string): [number, number] => {
    const [root = "", key = ""] = path.split(/[.[]/);
    const r = ROOT_ORDER.indexOf(root);
    const k = keyOrder[root]?.indexOf(key) ?? -1;
    return [r < 0 ? ROOT_ORDER.length : r, k < 0 ? Number.MAX_SAFE_INTEGER : k];
  };
  // A stable sort: unknown keys keep the order they came in, after the known ones.
  return rows
    .map((row, i) => ({ row, i, rank: rank(row.path) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.i - b.i)
    .map(({ row }) => row);
}
