import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  checkPostalCodeWith,
  departementOfCommune,
  normalizePostalCode,
  type PostalCodeCheck,
  type PostalCodeEntry,
} from "./rules/communes";

/** One line of codes-postaux/codes-postaux.json (Etalab, from La Poste's base officielle des codes postaux). */
interface RawEntry {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
  libelleAcheminement: string;
}

export interface CommuneOption {
  name: string;
  inseeCode: string;
}

export type { PostalCodeCheck };

// Saint-Barthélemy and Saint-Martin are collectivités left out of the commune list the package is built from,
// yet they have postal codes (and phone numbers we accept).
const MISSING_ENTRIES: readonly RawEntry[] = [
  { codePostal: "97133", codeCommune: "97701", nomCommune: "Saint-Barthélemy", libelleAcheminement: "SAINT BARTHELEMY" },
  { codePostal: "97150", codeCommune: "97801", nomCommune: "Saint-Martin", libelleAcheminement: "SAINT MARTIN" },
];

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

/** A postal code's entry, from its index lines (one line per commune and routing label). */
function entryFrom(postalCode: string, lines: string): PostalCodeEntry {
  const communes: PostalCodeEntry["communes"] = [];
  for (const line of lines.split("\n")) {
    const [inseeCode = "", name = "", routingLabel = ""] = line.split("\t");
    let commune = communes.find((c) => c.inseeCode === inseeCode);
    if (!commune) {
      commune = { name, inseeCode, routingLabels: [] };
      communes.push(commune);
    }
    if (!commune.routingLabels.includes(routingLabel)) commune.routingLabels.push(routingLabel);
  }
  return { postalCode, communes };
}

/** The entry of a postal code as typed ("6400" included), or null when it is malformed or unknown. */
export function postalCodeEntry(postalCode: string): PostalCodeEntry | null {
  const pc = normalizePostalCode(postalCode);
  const lines = pc === null ? undefined : index().get(pc);
  return pc !== null && lines ? entryFrom(pc, lines) : null;
}

/** Lets the server pay the one-off load (a few hundred ms) at startup rather than on the first lead. */
export function preloadPostalCodes(): void {
  index();
}

/** The index itself, for a thread that judges leads: cloned into it, it spares that thread building its own. */
export function postalCodeIndex(): ReadonlyMap<string, string> {
  return index();
}

/**
 * Installs an index made by postalCodeIndex in another thread. Building it here would parse the 4 MB
 * source again, 29 MB of RSS in the CSV worker at the start of each import where the clone costs 2.
 */
export function installPostalCodeIndex(made: ReadonlyMap<string, string>): void {
  byPostalCode ??= new Map(made);
}

// Leads come from a few thousand places: an import of 100,000 rows asks the same pairs again and again.
const checked = new Map<string, PostalCodeCheck>();

/**
 * Checks that the postal code exists and that the city is one of its communes. The official name wins over a
 * routing label: "75015 Paris" is Paris 15e, not Issy-les-Moulineaux (whose heliport is routed as "PARIS").
 * A code that is not five digits (or four, with the city confirming the lost leading zero) is invalid.
 */
export function checkPostalCode(postalCode: string, city: string): PostalCodeCheck {
  if (typeof postalCode !== "string" || typeof city !== "string") return checkPostalCodeWith(postalCodeEntry, postalCode, city);
  const key = `${postalCode}\u0000${city}`;
  let result = checked.get(key);
  if (result === undefined) {
    result = Object.freeze(checkPostalCodeWith(postalCodeEntry, postalCode, city));
    if (checked.size >= 50_000) checked.clear();
    checked.set(key, result);
  }
  return result;
}

/** Communes served by a postal code, alphabetical, for autocomplete. Empty when the code is unknown. */
export function communesForPostalCode(postalCode: string): CommuneOption[] {
  const entry = postalCodeEntry(postalCode);
  if (!entry) return [];
  return entry.communes.map(({ name, inseeCode }) => ({ name, inseeCode })).sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Département (INSEE code: "13", "2A", "971"…) of a postal code, taken from its communes since the first digits
 * lie for Corsica (20xxx) and a few codes straddling two départements. Null when the code is unknown.
 */
export function departementFromPostalCode(postalCode: string): string | null {
  const entry = postalCodeEntry(postalCode);
  if (!entry) return null;
  const departements = entry.communes.map((c) => departementOfCommune(c.inseeCode));
  return departements.find((d) => d === departementOfCommune(entry.postalCode)) ?? departements[0] ?? null;
}
