import { normalizeCityName, withoutArrondissement } from "./city-name";

/**
 * Postal code rules without the postal code index: the server applies them to its in-memory index of the
 * 36k communes (postal-codes.ts), the browser to the one postal code it fetched from the API. Same code,
 * same answers, and the lead form never ships the 1.2 MB commune list.
 */

export interface PostalCodeCommune {
  name: string;
  inseeCode: string;
  /** La Poste's routing labels (libellés d'acheminement, e.g. "MEZZAVIA" for Ajaccio): also accepted as the city. */
  routingLabels: string[];
}

/** One postal code and the communes it serves. */
export interface PostalCodeEntry {
  postalCode: string;
  communes: PostalCodeCommune[];
}

export type PostalCodeCheck =
  | { ok: true; postalCode: string; city: string; inseeCode: string; departement: string }
  | { ok: false; code: "postal_code_invalid" | "postal_code_unknown" | "city_postal_code_mismatch" };

/** The entry of a normalised postal code ("13001"), or null when no commune has it. */
export type PostalCodeLookup = (postalCode: string) => PostalCodeEntry | null;

const INVALID: PostalCodeCheck = Object.freeze({ ok: false, code: "postal_code_invalid" });
const UNKNOWN: PostalCodeCheck = Object.freeze({ ok: false, code: "postal_code_unknown" });
const MISMATCH: PostalCodeCheck = Object.freeze({ ok: false, code: "city_postal_code_mismatch" });

/** "13001", " 13 001 " → "13001"; "6400" → "06400" (spreadsheets drop the leading zero); anything else → null. */
export function normalizePostalCode(postalCode: string): string | null {
  if (typeof postalCode !== "string") return null;
  const pc = postalCode.replace(/\s+/g, "");
  if (/^\d{5}$/.test(pc)) return pc;
  if (/^\d{4}$/.test(pc)) return `0${pc}`;
  return null;
}

export function departementOfCommune(inseeCode: string): string {
  return inseeCode.startsWith("97") ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

function nameKeys(name: string): string[] {
  const key = normalizeCityName(name);
  return [...new Set([key, withoutArrondissement(key)].filter((k): k is string => !!k))];
}

/**
 * The commune of the entry that the city designates. The official name wins over a routing label: "75015
 * Paris" is Paris 15e, not Issy-les-Moulineaux (whose heliport is routed as "PARIS").
 */
export function matchCommune(entry: PostalCodeEntry, city: string): PostalCodeCheck {
  const key = typeof city === "string" ? normalizeCityName(city) : "";
  if (!key) return MISMATCH;
  const commune =
    entry.communes.find((c) => nameKeys(c.name).includes(key)) ??
    entry.communes.find((c) => c.routingLabels.some((label) => normalizeCityName(label) === key));
  if (!commune) return MISMATCH;
  return {
    ok: true,
    postalCode: entry.postalCode,
    city: commune.name,
    inseeCode: commune.inseeCode,
    departement: departementOfCommune(commune.inseeCode),
  };
}

/** Four digits: a spreadsheet's "06400", or a code typed with a digit missing ("1300" for 13100). */
function isShortPostalCode(postalCode: string): boolean {
  return /^\d{4}$/.test(postalCode.replace(/\s+/g, ""));
}

/**
 * Checks that the postal code exists and that the city is one of its communes. A code that is not five digits
 * (or four, with the city confirming the lost leading zero) is invalid: then the code is what is wrong
 * ("1300 Marseille"), not the city.
 */
export function checkPostalCodeWith(lookup: PostalCodeLookup, postalCode: string, city: string): PostalCodeCheck {
  const pc = normalizePostalCode(postalCode);
  if (pc === null) return INVALID;
  const short = isShortPostalCode(postalCode);
  const entry = lookup(pc);
  if (!entry) return short ? INVALID : UNKNOWN;
  const match = matchCommune(entry, city);
  // Without a city nothing confirms or contradicts the code: the city is what is missing.
  const cityGiven = typeof city === "string" && normalizeCityName(city) !== "";
  return !match.ok && short && cityGiven ? INVALID : match;
}
