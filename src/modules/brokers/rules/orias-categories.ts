/**
 * The ORIAS register's categories (registre unique des intermédiaires en assurance, banque et finance,
 * Code des assurances L512-1 and Code monétaire et financier L519-1, L541-1), by domain. A brokerage
 * declares its own at sign-up; the operator checks them on orias.fr before the brokerage may buy.
 */
export const ORIAS_CATEGORIES = [
  // Intermédiaires en assurance (IAS)
  { code: "COA", domain: "assurance", label: "Courtier en assurance ou en réassurance" },
  { code: "AGA", domain: "assurance", label: "Agent général d'assurance" },
  { code: "MA", domain: "assurance", label: "Mandataire d'assurance" },
  { code: "MIA", domain: "assurance", label: "Mandataire d'intermédiaire d'assurance" },
  // Intermédiaires en opérations de banque et en services de paiement (IOBSP)
  { code: "COBSP", domain: "credit", label: "Courtier en opérations de banque et en services de paiement" },
  { code: "MOBSPL", domain: "credit", label: "Mandataire exclusif en opérations de banque et en services de paiement" },
  { code: "MOBSP", domain: "credit", label: "Mandataire non exclusif en opérations de banque et en services de paiement" },
  { code: "MIOBSP", domain: "credit", label: "Mandataire d'intermédiaire en opérations de banque et en services de paiement" },
  // Finance
  { code: "CIF", domain: "finance", label: "Conseiller en investissements financiers" },
] as const;

export type OriasCategory = (typeof ORIAS_CATEGORIES)[number]["code"];
export type OriasDomain = (typeof ORIAS_CATEGORIES)[number]["domain"];

export const ORIAS_CATEGORY_CODES = ORIAS_CATEGORIES.map((c) => c.code) as [OriasCategory, ...OriasCategory[]];

const codesOf = (domain: OriasDomain): OriasCategory[] => ORIAS_CATEGORIES.filter((c) => c.domain === domain).map((c) => c.code);

/** Intermédiaires en assurance: may be sold insurance leads (assurance emprunteur and assurance vie included). */
export const INSURANCE_CATEGORIES: readonly OriasCategory[] = codesOf("assurance");
/** IOBSP: may be sold credit leads. */
export const IOBSP_CATEGORIES: readonly OriasCategory[] = codesOf("credit");

export const isOriasCategory = (s: string): s is OriasCategory => (ORIAS_CATEGORY_CODES as readonly string[]).includes(s);

export function oriasCategoryLabel(code: string): string {
  return ORIAS_CATEGORIES.find((c) => c.code === code)?.label ?? code;
}

/** "12345678": the ORIAS number is 8 digits (spaces people type are ignored). */
export const normalizeOriasNumber = (s: string) => s.replace(/\s+/g, "");
export const isValidOriasNumber = (s: string) => /^\d{8}$/.test(normalizeOriasNumber(s));

/** The register's public search, where the operator checks a number. */
export const oriasSearchUrl = (oriasNumber: string) => `https://www.orias.fr/search?registrationNumber=${encodeURIComponent(oriasNumber)}`;
