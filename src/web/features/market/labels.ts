import type { SelectOption } from "../../ui/SelectField";

export const TIER_LABELS: Record<string, string> = {
  "24h": "< 24 h ouvrées",
  "48h": "24 à 48 h ouvrées",
  "72h": "48 à 72 h ouvrées",
};

export const CONSENT_METHOD_LABELS: Record<string, string> = {
  checkbox: "Case cochée par le prospect",
  oral: "Consentement oral enregistré",
};

/** The lead types as choices of a select (plural: what a filter or an order asks for). */
export const LEAD_TYPE_OPTIONS: readonly SelectOption[] = [
  { value: "lead", label: "Leads" },
  { value: "rdv", label: "RDV qualifiés" },
];
