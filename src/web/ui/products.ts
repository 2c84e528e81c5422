import { PRODUCT_GROUPS, PRODUCTS, type ProductDefinition, productBySlug } from "../../modules/catalogue/rules";
import type { SelectOption } from "./SelectField";

/** The shared catalogue seen by the UI: the same definitions the server validates with. */

export function productLabel(slug: string): string {
  return productBySlug(slug)?.label ?? slug;
}

export interface ProductGroupView {
  key: string;
  label: string;
  products: readonly ProductDefinition[];
}

export const PRODUCTS_BY_GROUP: readonly ProductGroupView[] = PRODUCT_GROUPS.map((g) => ({
  key: g.key,
  label: g.label,
  products: PRODUCTS.filter((p) => p.group === g.key),
}));

/** The products as choices of a select, in their catalogue group. */
export const PRODUCT_OPTIONS: readonly SelectOption[] = PRODUCTS_BY_GROUP.flatMap((g) =>
  g.products.map((p) => ({ value: p.slug, label: p.label, group: g.label })),
);
