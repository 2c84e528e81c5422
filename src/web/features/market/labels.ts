import { DEPARTEMENTS } from "../../../modules/catalogue/rules";

export const TIER_LABELS: Record<string, string> = {
  "24h": "< 24 h ouvrées",
  "48h": "24 à 48 h ouvrées",
  "72h": "48 à 72 h ouvrées",
};

export const CONSENT_METHOD_LABELS: Record<string, string> = {
  checkbox: "Case cochée par le prospect",
  oral: "Consentement oral enregistré",
};

const DEPARTEMENT_NAMES = new Map<string, string>(DEPARTEMENTS.map((d) => [d.code, d.name]));

export function departementLabel(code: string | null): string {
  if (!code) return "—";
  const name = DEPARTEMENT_NAMES.get(code);
  return name ? `${code} — ${name}` : code;
}

export const DEPARTEMENT_OPTIONS = DEPARTEMENTS.map((d) => ({ code: d.code, label: `${d.code} — ${d.name}` }));
