import { foldAccents } from "./text";

const SUR_ABBREVIATION = /\bs\/\s*/g; // "Boulogne s/ Mer"
const SEPARATORS = /[^a-z0-9]+/g; // hyphens, apostrophes, dots, commas…
const CEDEX = /(?:^| )cedex(?: |$)/;
const ORDINAL = /^0*(\d{1,3})(?:er|ere|e|eme|ieme|em|me|nd)?$/;
const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(["er", "ere", "e", "eme", "ieme", "em", "me", "nd"]);
const ARRONDISSEMENT_WORDS: ReadonlySet<string> = new Set(["arrondissement", "arr", "arrt", "arrdt", "ardt"]);
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["st", "saint"],
  ["ste", "sainte"],
]);

/**
 * Canonical comparison key for a commune name: "St-Étienne CEDEX 1" → "saint etienne",
 * "Marseille 8e Arrondissement" / "MARSEILLE 08" → "marseille 8", "Lyon 1er" → "lyon 1".
 */
export function normalizeCityName(raw: string): string {
  let s = foldAccents(raw).replace(SUR_ABBREVIATION, "sur ").replace(SEPARATORS, " ").trim();
  // CEDEX and its sorting number are mail-routing marks, not part of the name (and not the arrondissement).
  const cedex = s.search(CEDEX);
  if (cedex >= 0) s = s.slice(0, cedex);
  const out: string[] = [];
  for (const token of s.split(" ")) {
    if (!token || ARRONDISSEMENT_WORDS.has(token)) continue;
    const previous = out[out.length - 1];
    // "Paris 15 e": the suffix was detached from its number.
    if (ORDINAL_SUFFIXES.has(token) && previous !== undefined && /^\d+$/.test(previous)) continue;
    const ordinal = ORDINAL.exec(token);
    out.push(ordinal?.[1] ?? ABBREVIATIONS.get(token) ?? token);
  }
  return out.join(" ");
}

/** "paris 15" → "paris": lets a bare "Paris" match an arrondissement. Null when there is no trailing number. */
export function withoutArrondissement(normalized: string): string | null {
  const match = /^(.+) \d+$/.exec(normalized);
  return match?.[1] ?? null;
}
