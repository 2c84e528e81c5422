import { foldAccents } from "../../reference-data/rules/text";
import { IMPORT_FIELDS, type ImportFieldKey } from "./import-fields";

/**
 * Suggests a field for each CSV column from its header name: an exact alias first, then the alias
 * whose words are all in the header and cover most of it ("Date d'effet du contrat" → date d'effet),
 * then a close spelling. Each field goes to its best column only; the user checks and corrects.
 */

// Small words that carry no meaning in a header ("N° de contrat", "Date d'effet").
const STOP_WORDS = new Set(["de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "en", "et", "n", "no", "num", "o"]);

export function headerWords(header: string): string[] {
  return foldAccents(header.replace(/^\uFEFF/, ""))
    .replace(/n°/g, "n ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w));
}

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) grams.set(s.slice(i, i + 2), (grams.get(s.slice(i, i + 2)) ?? 0) + 1);
  return grams;
}

/** Dice coefficient on letter pairs: tolerates typos and missing letters ("Telphone", "Adrese"). */
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const ga = bigrams(a);
  let common = 0;
  for (const [gram, n] of bigrams(b)) common += Math.min(n, ga.get(gram) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

const ALIASES = IMPORT_FIELDS.map((field) => ({
  key: field.key,
  words: [field.label, ...field.aliases].map(headerWords),
}));

/** 0 (nothing in common) to 1 (exact alias) for one header and one field. */
export function similarity(header: string, key: ImportFieldKey): number {
  const words = headerWords(header);
  if (words.length === 0) return 0;
  const joined = words.join(" ");
  let best = 0;
  for (const alias of ALIASES.find((a) => a.key === key)?.words ?? []) {
    if (alias.length === 0) continue;
    const aliasJoined = alias.join(" ");
    if (aliasJoined === joined) return 1;
    if (alias.every((w) => words.includes(w))) best = Math.max(best, 0.5 + (0.45 * alias.length) / words.length);
    else best = Math.max(best, 0.9 * dice(aliasJoined.replace(/ /g, ""), joined.replace(/ /g, "")));
  }
  return best;
}

const THRESHOLD = 0.7;

export function suggestMapping(columns: readonly string[]): Record<string, ImportFieldKey | null> {
  const candidates: { column: string; key: ImportFieldKey; score: number }[] = [];
  for (const column of columns) {
    for (const { key } of ALIASES) {
      const score = similarity(column, key);
      if (score >= THRESHOLD) candidates.push({ column, key, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const mapping: Record<string, ImportFieldKey | null> = Object.fromEntries(columns.map((c) => [c, null]));
  const usedKeys = new Set<ImportFieldKey>();
  const usedColumns = new Set<string>();
  for (const c of candidates) {
    if (usedKeys.has(c.key) || usedColumns.has(c.column)) continue;
    mapping[c.column] = c.key;
    usedKeys.add(c.key);
    usedColumns.add(c.column);
  }
  return mapping;
}
