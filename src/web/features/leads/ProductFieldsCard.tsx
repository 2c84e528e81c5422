import { productBySlug } from "../../../modules/catalogue/rules";
import { DataList, type DataRow } from "../../ui/DataList";
import { formatFieldValue, formatUnknownValue } from "./format-field";
import type { Reason } from "./types";

export function ProductFieldsCard({ product, fields, reasons }: { product: string; fields: Record<string, unknown>; reasons: Reason[] }) {
  const definition = productBySlug(product);
  const problemOf = (key: string) => reasons.find((r) => r.field === `fields.${key}`)?.message;
  const known = new Set(definition?.fields.map((f) => f.key));
  const rows: DataRow[] = (definition?.fields ?? []).map((f) => ({
    label: f.label,
    value: formatFieldValue(f, fields[f.key]),
    problem: problemOf(f.key),
  }));
  // Columns outside the catalogue are still shown: nothing a supplier sent is hidden from him.
  for (const [key, value] of Object.entries(fields)) {
    if (!known.has(key)) rows.push({ label: <code>{key}</code>, value: formatUnknownValue(value), problem: problemOf(key) });
  }
  return (
    <section className="card" aria-labelledby="lead-fields-title">
      <h2 id="lead-fields-title">{definition ? definition.label : `Produit « ${product} »`}</h2>
      {rows.length > 0 ? <DataList rows={rows} /> : <p className="muted">Aucun champ produit transmis.</p>}
    </section>
  );
}
