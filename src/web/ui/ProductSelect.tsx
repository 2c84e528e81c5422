import type { ControlProps } from "./Field";
import { PRODUCT_OPTIONS } from "./products";
import { Options } from "./SelectField";

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
      <Options options={PRODUCT_OPTIONS} />
    </select>
  );
}
