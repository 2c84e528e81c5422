import { PRODUCT_GROUPS, PRODUCTS, type ProductDefinition, productBySlug } from "../../modules/catalogue/rules";

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
