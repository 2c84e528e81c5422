import codesNaf from "@socialgouv/codes-naf";
import { foldAccents } from "./rules/text";

export interface NafCode {
  /** Sous-classe in INSEE notation, e.g. "43.21A". */
  code: string;
  label: string;
}

interface IndexedNaf extends NafCode {
  /** Code without the dot, e.g. "4321A": what people type. */
  compact: string;
  foldedLabel: string;
  words: readonly string[];
}

// Only sous-classes are APE codes: a company never has "43" or "43.21" as activity, so the other levels are left out.
const SUBCLASS = /^\d{2}\.\d{2}[A-Z]$/;
const CONSTRUCTION_DIVISIONS: ReadonlySet<string> = new Set(["41", "42", "43"]);
const NON_WORD = /[^a-z0-9]+/;

let index: { byCompact: Map<string, IndexedNaf>; all: IndexedNaf[] } | undefined;

function load(): NonNullable<typeof index> {
  if (index) return index;
  const all: IndexedNaf[] = [];
  for (const { id, label } of codesNaf) {
    if (!SUBCLASS.test(id)) continue;
    const foldedLabel = foldAccents(label);
    all.push({ code: id, label, compact: id.replace(".", ""), foldedLabel, words: foldedLabel.split(NON_WORD).filter(Boolean) });
  }
  index = { byCompact: new Map(all.map((naf) => [naf.compact, naf])), all };
  return index;
}

function compactCode(code: string): string {
  return code.replace(/[\s.]/g, "").toUpperCase();
}

/** Accepts "4321A", "43.21A", "43.21a", " 43 21 A ". */
export function findNaf(code: string): NafCode | null {
  if (typeof code !== "string") return null;
  const naf = load().byCompact.get(compactCode(code));
  return naf ? { code: naf.code, label: naf.label } : null;
}

/** Section F (construction): suggests an RC décennale. */
export function isConstructionTrade(code: string): boolean {
  const naf = findNaf(code);
  return naf !== null && CONSTRUCTION_DIVISIONS.has(naf.code.slice(0, 2));
}

/**
 * Autocomplete: a query starting with a digit is a code prefix ("432", "43.2"); otherwise every query word must
 * start a word of the label, accents ignored ("electri bat" finds "Travaux d'installation électrique…" ).
 * Labels starting with the query come first, then code order.
 */
export function searchNaf(query: string, limit = 10): NafCode[] {
  const q = typeof query === "string" ? query.trim() : "";
  if (!q || limit <= 0) return [];
  const { all } = load();
  if (/^\d/.test(q)) {
    const prefix = compactCode(q);
    return all
      .filter((naf) => naf.compact.startsWith(prefix))
      .slice(0, limit)
      .map(toNafCode);
  }
  const folded = foldAccents(q);
  const terms = folded.split(NON_WORD).filter(Boolean);
  if (terms.length === 0) return [];
  const leading: IndexedNaf[] = [];
  const others: IndexedNaf[] = [];
  for (const naf of all) {
    if (!terms.every((term) => naf.words.some((word) => word.startsWith(term)))) continue;
    (naf.foldedLabel.startsWith(folded) ? leading : others).push(naf);
    if (leading.length >= limit) break;
  }
  return leading.concat(others).slice(0, limit).map(toNafCode);
}

function toNafCode({ code, label }: IndexedNaf): NafCode {
  return { code, label };
}
