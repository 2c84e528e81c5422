import { isLuhnValid } from "../../lib/luhn";

// La Poste's establishments all share one SIREN and most of their NICs break the Luhn rule: INSEE validates
// them with "sum of the digits divisible by 5". The head office (…00048) follows Luhn, hence the "or" below.
const LA_POSTE_SIREN = "356000000";
const BLANKS = /\s+/g;
const SIREN_FORMAT = /^\d{9}$/;
const SIRET_FORMAT = /^\d{14}$/;
const ALL_ZEROS = /^0+$/;

/** Strips the spaces (incl. non-breaking) people put between digit groups; does not validate. */
export function normalizeSiren(s: string): string {
  return s.replace(BLANKS, "");
}

export const normalizeSiret = normalizeSiren;

export function isValidSiren(s: string): boolean {
  const siren = normalizeSiren(s);
  return SIREN_FORMAT.test(siren) && !ALL_ZEROS.test(siren) && isLuhnValid(siren);
}

export function isValidSiret(s: string): boolean {
  const siret = normalizeSiret(s);
  if (!SIRET_FORMAT.test(siret) || ALL_ZEROS.test(siret)) return false;
  return isLuhnValid(siret) || (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0);
}

/** The SIREN part of a valid SIRET, or null. */
export function sirenFromSiret(s: string): string | null {
  return isValidSiret(s) ? normalizeSiret(s).slice(0, 9) : null;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}
