/**
 * Categories of partners a consent text may name ("courtiers en assurance santé"…). The person agreed
 * to be contacted by partners of these categories: a lead collected under the text may only be sold to a
 * brokerage the operator has placed in one of them (or that the text names by its legal name).
 */
export const PARTNER_CATEGORIES = [
  { key: "assurance-sante-prevoyance", label: "Courtiers en assurance santé et prévoyance" },
  { key: "assurance-particuliers", label: "Courtiers en assurance auto, habitation, animaux et obsèques" },
  { key: "assurance-professionnels", label: "Courtiers en assurance des professionnels (RC pro, multirisque, décennale)" },
  { key: "assurance-emprunteur", label: "Courtiers en assurance emprunteur" },
  { key: "epargne-patrimoine", label: "Conseillers en épargne, retraite et défiscalisation" },
  { key: "credit-immobilier", label: "Courtiers en crédit immobilier" },
  { key: "rachat-credits", label: "Courtiers en rachat de crédits" },
  { key: "credit-professionnel", label: "Courtiers en crédit professionnel" },
] as const;

export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number]["key"];
export const PARTNER_CATEGORY_KEYS = PARTNER_CATEGORIES.map((c) => c.key) as [PartnerCategory, ...PartnerCategory[]];

export const isPartnerCategory = (s: string): s is PartnerCategory => (PARTNER_CATEGORY_KEYS as readonly string[]).includes(s);

export function partnerCategoryLabel(key: string): string {
  return PARTNER_CATEGORIES.find((c) => c.key === key)?.label ?? key;
}

const normalizeName = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Whether a consent text covers a brokerage: one of the text's partner categories is one of the
 * brokerage's, or the text names the brokerage itself (its legal name, accents and punctuation aside).
 */
export function consentCovers(
  text: { partners: readonly string[]; partnerCategories: readonly string[] },
  brokerage: { legalName: string; partnerCategories: readonly string[] },
): boolean {
  if (text.partnerCategories.some((c) => brokerage.partnerCategories.includes(c))) return true;
  const name = normalizeName(brokerage.legalName);
  return name !== "" && text.partners.some((p) => normalizeName(p) === name);
}
