import type { ProductLine } from "../../crm/rules/product-lines";

/**
 * How a signed lead becomes a CRM client (decision 003): the catalogue product suggests the contract's
 * product line and whether the client is a business. Credit products have no insurance line of their own:
 * the broker picks the line of what was signed (often the borrower insurance).
 */
export const SUGGESTED_PRODUCT_LINE: Partial<Record<string, ProductLine>> = {
  "assurance-emprunteur": "emprunteur",
  "credit-immobilier": "emprunteur",
  "rachat-credits": "emprunteur",
  "mutuelle-sante": "sante",
  "mutuelle-entreprise": "sante_prevoyance_collective",
  "prevoyance-tns": "prevoyance",
  "assurance-auto": "auto",
  "assurance-habitation": "habitation",
  "assurance-animaux": "animaux",
  "rc-pro": "rc_pro",
  "multirisque-pro": "multirisque_pro",
  "rc-decennale": "rc_decennale",
  "dommage-ouvrage": "dommage_ouvrage",
  "multirisque-immeuble": "multirisque_immeuble",
  "assurance-obseques": "obseques",
  "assurance-vie-retraite": "assurance_vie",
  defiscalisation: "defiscalisation",
};

const BUSINESS_PRODUCTS = new Set([
  "credit-professionnel",
  "mutuelle-entreprise",
  "prevoyance-tns",
  "rc-pro",
  "multirisque-pro",
  "rc-decennale",
]);

export const clientTypeFor = (product: string): "particulier" | "professionnel" =>
  BUSINESS_PRODUCTS.has(product) ? "professionnel" : "particulier";
