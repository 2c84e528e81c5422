import { DEPARTEMENTS } from "../../modules/catalogue/rules";
import type { SelectOption } from "./SelectField";

const DEPARTEMENT_NAMES = new Map<string, string>(DEPARTEMENTS.map((d) => [d.code, d.name]));

/** "13 — Bouches-du-Rhône"; the code alone when it is not a known département, "—" when there is none. */
export function departementLabel(code: string | null): string {
  if (!code) return "—";
  const name = DEPARTEMENT_NAMES.get(code);
  return name ? `${code} — ${name}` : code;
}

/** Every département as a choice of a select (filters, standing orders). */
export const DEPARTEMENT_OPTIONS: readonly SelectOption[] = DEPARTEMENTS.map((d) => ({ value: d.code, label: departementLabel(d.code) }));
