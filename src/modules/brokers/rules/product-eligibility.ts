import { productBySlug } from "../../catalogue/rules";
import { INSURANCE_CATEGORIES, IOBSP_CATEGORIES, type OriasCategory } from "./orias-categories";

/**
 * Which ORIAS categories may buy a lead of the product: the product's domain decides.
 * - Credit (crédit immobilier, rachat de crédits, crédit professionnel): an IOBSP (L519-1 CMF).
 * - Insurance, assurance emprunteur and assurance vie & retraite included (they are insurance contracts,
 *   L511-1 C. assur.): an insurance intermediary.
 * - Défiscalisation: a patrimonial lead whose usual answers are a PER or an assurance vie (insurance
 *   contracts) or financial instruments (FCPI, FIP, SCPI: the CIF's domain). An insurance intermediary
 *   or a CIF may buy it; an IOBSP alone may not. Real-estate schemes (LMNP, Denormandie) need a carte T,
 *   which ORIAS does not record: the broker answers for it.
 * An unknown product may be bought by nobody.
 */
const DEFISCALISATION_CATEGORIES: readonly OriasCategory[] = [...INSURANCE_CATEGORIES, "CIF"];

export function oriasCategoriesFor(product: string): readonly OriasCategory[] {
  const group = productBySlug(product)?.group;
  if (group === "credit") return IOBSP_CATEGORIES;
  if (product === "defiscalisation") return DEFISCALISATION_CATEGORIES;
  // The insurance group, and assurance vie & retraite, which the catalogue files under savings.
  if (group === "assurance" || group === "epargne") return INSURANCE_CATEGORIES;
  return [];
}

/** Whether a brokerage registered under `categories` may buy a lead of `product`. */
export function oriasAllows(product: string, categories: readonly string[]): boolean {
  const needed = oriasCategoriesFor(product);
  return needed.some((c) => categories.includes(c));
}
