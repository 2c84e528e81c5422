import type { ControlProps } from "./Field";
import { PRODUCTS_BY_GROUP } from "./products";

interface ProductSelectProps extends Partial<ControlProps> {
  value: string;
  onChange(slug: string): void;
  /** Label of the empty choice; without it, a product must be chosen. */
  emptyLabel?: string;
}

/** The 18 products, grouped Crédit / Assurance / Épargne as in the catalogue. */
export function ProductSelect({ value, onChange, emptyLabel = "Choisir un produit…", ...control }: ProductSelectProps) {
  return (
    <select className="input" value={value} onChange={(e) => onChange(e.target.value)} {...control}>
      <option value="">{emptyLabel}</option>
      {PRODUCTS_BY_GROUP.map((g) => (
        <optgroup key={g.key} label={g.label}>
          {g.products.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
