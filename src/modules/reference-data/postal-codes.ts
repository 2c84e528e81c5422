import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { normalizeCityName, withoutArrondissement } from "./city-name";

/** One line of codes-postaux/codes-postaux.json (Etalab, from La Poste's base officielle des codes postaux). */
interface RawEntry {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
  libelleAcheminement: string;
}

interface Commune {
  name: string;
  inseeCode: string;
  departement: string;
  /** Comparison keys of the official name; a bare "Paris" matches "Paris 15e Arrondissement". */
  nameKeys: string[];
  /** Comparison keys of La Poste's routing labels (libellé d'acheminement, e.g. "MEZZAVIA" for Ajaccio). */
  routingKeys: string[];
}

export interface CommuneOption {
  name: string;
  inseeCode: string;
}

export type PostalCodeCheck =
  | { ok: true; postalCode: string; city: string; inseeCode: string; departement: string }
  | { ok: false; code: "postal_code_invalid" | "postal_code_unknown" | "city_postal_code_mismatch" };

// Saint-Barthélemy and Saint-Martin are collectivités left out of the commune list the package is built from,
// yet they have postal codes (and phone numbers we accept).
const MISSING_ENTRIES: readonly RawEntry[] = [
  { codePostal: "97133", codeCommune: "97701", nomCommune: "Saint-Barthélemy", libelleAcheminement: "SAINT BARTHELEMY" },
  { codePostal: "97150", codeCommune: "97801", nomCommune: "Saint-Martin", libelleAcheminement: "SAINT MARTIN" },
];

const INVALID: PostalCodeCheck = Object.freeze({ ok: false, code: "postal_code_invalid" });
const UNKNOWN: PostalCodeCheck = Object.freeze({ ok: false, code: "postal_code_unknown" });
const MISMATCH: PostalCodeCheck = Object.freeze({ ok: false, code: "city_postal_code_mismatch" });
const collator = new Intl.Collator("fr");

// Per postal code, its lines as "inseeCode\tname\troutingLabel" joined by "\n": one string per code rather
// than an object, two arrays and half a dozen strings per commune. The index stays small (2 MB instead
// of 17 MB) in every thread that judges leads; a code's communes are built when it is looked up.
let byPostalCode: Map<string, string> | undefined;

// Loaded on first use, not at import: 36k lines (~4 MB of JSON) that only intake and autocomplete need.
function index(): Map<string, string> {
  if (byPostalCode) return byPostalCode;
  // Read rather than require()d: the module cache would keep the 36k raw lines alive beside the index.
  const file = createRequire(import.meta.url).resolve("codes-postaux/codes-postaux.json");
  const raw = JSON.parse(readFileSync(file, "utf8")) as RawEntry[];
  const lines = new Map<string, string[]>();
  for (const entry of [...raw, ...MISSING_ENTRIES]) {
    const line = `${entry.codeCommune}\t${entry.nomCommune}\t${entry.libelleAcheminement}`;
    const list = lines.get(entry.codePostal);
    if (list) list.push(line);
    else lines.set(entry.codePostal, [line]);
  }
  byPostalCode = new Map([...lines].map(([pc, list]) => [pc, list.join("\n")]));
  return byPostalCode;
}

/** The communes of one postal code, from its index lines (one line per commune and routing label). */
function communesFrom(lines: string): Commune[] {
  const communes: Commune[] = [];
  for (const line of lines.split("\n")) {
    const [inseeCode = "", name = "", routingLabel = ""] = line.split("\t");
    let commune = communes.find((c) => c.inseeCode === inseeCode);
    if (!commune) {
      const nameKey = normalizeCityName(name);
      commune = {
        name,
        inseeCode,
        departement: departementOfCommune(inseeCode),
        nameKeys: unique([nameKey, withoutArrondissement(nameKey)]),
        routingKeys: [],
      };
      communes.push(commune);
    }
    const routingKey = normalizeCityName(routingLabel);
    if (!commune.routingKeys.includes(routingKey)) commune.routingKeys.push(routingKey);
  }
  return communes;
}

/** Lets the server pay the one-off load (a few hundred ms) at startup rather than on the first lead. */
export function preloadPostalCodes(): void {
  index();
}

function departementOfCommune(inseeCode: string): string {
  return inseeCode.startsWith("97") ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

function unique(keys: ReadonlyArray<string | null>): string[] {
  return [...new Set(keys.filter((k): k is string => !!k))];
}

function normalizePostalCode(postalCode: string): string | null {
  if (typeof postalCode !== "string") return null;
  const pc = postalCode.replace(/\s+/g, "");
  if (/^\d{5}$/.test(pc)) return pc;
  // Spreadsheets turn "06400" into 6400 in CSV imports.
  if (/^\d{4}$/.test(pc)) return `0${pc}`;
  return null;
}

function communesOf(postalCode: string): { pc: string; communes: Commune[] } | null {
  const pc = normalizePostalCode(postalCode);
  const lines = pc === null ? undefined : index().get(pc);
  return pc !== null && lines ? { pc, communes: communesFrom(lines) } : null;
}

// Leads come from a few thousand places: an import of 100,000 rows asks the same pairs again and again.
const checked = new Map<string, PostalCodeCheck>();

/**
 * Checks that the postal code exists and that the city is one of its communes. The official name wins over a
 * routing label: "75015 Paris" is Paris 15e, not Issy-les-Moulineaux (whose heliport is routed as "PARIS").
 * A code that is not five digits (or four, with the city confirming the lost leading zero) is invalid.
 */
export function checkPostalCode(postalCode: string, city: string): PostalCodeCheck {
  if (typeof postalCode !== "string" || typeof city !== "string") return lookUp(postalCode, city);
  const key = `${postalCode}\u0000${city}`;
  let result = checked.get(key);
  if (result === undefined) {
    result = Object.freeze(lookUp(postalCode, city));
    if (checked.size >= 50_000) checked.clear();
    checked.set(key, result);
  }
  return result;
}

/** Four digits: a spreadsheet's "06400", or a code typed with a digit missing ("1300" for 13100). */
function isShortPostalCode(postalCode: string): boolean {
  return typeof postalCode === "string" && /^\d{4}$/.test(postalCode.replace(/\s+/g, ""));
}

function lookUp(postalCode: string, city: string): PostalCodeCheck {
  if (normalizePostalCode(postalCode) === null) return INVALID;
  // A short code is taken as a lost leading zero only when the city confirms it: otherwise the code is
  // what is wrong ("1300 Marseille"), not the city.
  const short = isShortPostalCode(postalCode);
  const found = communesOf(postalCode);
  if (!found) return short ? INVALID : UNKNOWN;
  const key = typeof city === "string" ? normalizeCityName(city) : "";
  if (!key) return MISMATCH;
  const commune = found.communes.find((c) => c.nameKeys.includes(key)) ?? found.communes.find((c) => c.routingKeys.includes(key));
  if (!commune) return short ? INVALID : MISMATCH;
  return { ok: true, postalCode: found.pc, city: commune.name, inseeCode: commune.inseeCode, departement: commune.departement };
}

/** Communes served by a postal code, alphabetical, for autocomplete. Empty when the code is unknown. */
export function communesForPostalCode(postalCode: string): CommuneOption[] {
  const found = communesOf(postalCode);
  if (!found) return [];
  return found.communes.map(({ name, inseeCode }) => ({ name, inseeCode })).sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Département (INSEE code: "13", "2A", "971"…) of a postal code, taken from its communes since the first digits
 * lie for Corsica (20xxx) and a few codes straddling two départements. Null when the code is unknown.
 */
export function departementFromPostalCode(postalCode: string): string | null {
  const found = communesOf(postalCode);
  if (!found) return null;
  const prefix = found.pc.startsWith("97") ? found.pc.slice(0, 3) : found.pc.slice(0, 2);
  return found.communes.find((c) => c.departement === prefix)?.departement ?? found.communes[0]?.departement ?? null;
}
