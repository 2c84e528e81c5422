import { parseHumanDate } from "./dates";
import { DEPARTEMENTS, normalizeDepartementCode } from "./departements";
import type { Band, ChoiceOption, FieldDefinition, ParseResult } from "./types";

/**
 * Text typed by humans (HTML forms) or exported by Excel (CSV import) → the typed value the API
 * expects. Lenient on format, never on meaning: anything ambiguous fails rather than being guessed.
 * Bounds and option membership are left to validateProductFields so every channel reports them alike.
 */

const OK = (value: unknown): ParseResult => ({ ok: true, value });
const INVALID: ParseResult = { ok: false, code: "field_invalid" };
const INVALID_OPTION: ParseResult = { ok: false, code: "field_invalid_option" };

// Spreadsheet cells repeat the same few words (options, "oui", "case") on every row of a big import.
const normalizedLabels = new Map<string, string>();

/** Lowercase, no accents, unified apostrophes, punctuation as spaces; <, > and + kept ("< 6 mois", "8+ ans"). */
export function normalizeLabel(s: string): string {
  if (s.length > 64) return foldLabel(s);
  let label = normalizedLabels.get(s);
  if (label === undefined) {
    label = foldLabel(s);
    if (normalizedLabels.size >= 10_000) normalizedLabels.clear();
    normalizedLabels.set(s, label);
  }
  return label;
}

function foldLabel(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/([<>+])/g, " $1 ")
    .replace(/[^a-z0-9<>+']+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

interface NumberOptions {
  /** A lone dot is a decimal point ("0.85"), not a thousands separator ("250.000"). */
  dotIsDecimal?: boolean;
  /** "250k", "250 k€", "1,2 M€" scale euro amounts. */
  allowScaleSuffix?: boolean;
}

/**
 * French and Excel number spellings: "250 000" (any space, incl. U+00A0 / U+202F), "1 234,50 €",
 * "1.234,50", "12,5", "1,234.50". A unit after the number ("ans", "m²", "€/mois") is ignored.
 */
export function parseFrenchNumber(raw: string, options: NumberOptions = {}): number | undefined {
  const m = /^\s*([+-]?)([\d\s.,'’]*\d[\d\s.,'’]*)(.*)$/su.exec(raw);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  const numberPart = (m[2] ?? "").trim();
  // Spaces may only group thousands: "13 83" is two numbers, not 1383.
  if (/\d[\s'’]+\d/.test(numberPart) && !/^\d{1,3}(?:[\s'’]+\d{3})+(?:[.,]\d+)?$/.test(numberPart)) return undefined;
  let digits = numberPart.replace(/[\s'’]/g, "");
  const suffix = (m[3] ?? "").trim();
  let multiplier = 1;
  if (suffix !== "") {
    const scale = /^(k|m|millions?)\s*(€|eur|euros?)?$/i.exec(suffix);
    if (scale && options.allowScaleSuffix) multiplier = scale[1]?.toLowerCase() === "k" ? 1_000 : 1_000_000;
    // "250k" in a non-amount field, or anything with more digits ("1-3", "12 à 15"): not a single number.
    else if (/^k\b/i.test(suffix) || (!/^m2$/i.test(suffix) && !/^[\p{L}€²%/.\s]+$/u.test(suffix))) return undefined;
  }

  const lastComma = digits.lastIndexOf(",");
  const lastDot = digits.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the rightmost one is the decimal separator ("1.234,50" and "1,234.50").
    const decimalSep = lastComma > lastDot ? "," : ".";
    const thousandsSep = decimalSep === "," ? "." : ",";
    const at = Math.max(lastComma, lastDot);
    const intPart = digits.slice(0, at);
    if (intPart.includes(decimalSep)) return undefined;
    digits = `${thousandsOnly(intPart, thousandsSep)}.${digits.slice(at + 1)}`;
  } else if (lastComma >= 0) {
    // French decimal comma ("12,5"); several commas can only be thousands separators.
    digits = digits.indexOf(",") === lastComma ? digits.replace(",", ".") : thousandsOnly(digits, ",");
  } else if (lastDot >= 0) {
    const single = digits.indexOf(".") === lastDot;
    // "250.000" is a French thousands separator, "12.5" a decimal point.
    const isDecimalPoint = single && (options.dotIsDecimal || !/^\d{1,3}\.\d{3}$/.test(digits));
    if (!isDecimalPoint) digits = thousandsOnly(digits, ".");
  }
  if (!/^\d+(\.\d+)?$/.test(digits)) return undefined;
  const n = sign * Number(digits) * multiplier;
  if (!Number.isFinite(n)) return undefined;
  // ×1000 on a decimal ("1,5k") must not leave binary noise such as 1500.0000000000002.
  return multiplier === 1 ? n : Math.round(n * 100) / 100;
}

function thousandsOnly(digits: string, sep: string): string {
  const groups = digits.split(sep);
  const valid = groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
  return valid ? groups.join("") : "invalid";
}

const TRUE_WORDS = new Set(["oui", "o", "yes", "y", "true", "vrai", "1", "x"]);
const FALSE_WORDS = new Set(["non", "n", "no", "false", "faux", "0"]);

export function parseBooleanText(raw: string): boolean | undefined {
  const s = normalizeLabel(raw);
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}

type Matchable = Pick<ChoiceOption, "value" | "label" | "aliases">;

const lookups = new WeakMap<readonly Matchable[], Map<string, string>>();

/** Every spelling of an option: its slug, its label with and without "(e)"-style parts, its aliases. */
export function optionSpellings(o: Matchable): string[] {
  const withoutParens = o.label.replace(/\([^)]*\)/g, " ");
  return [o.value, o.label, withoutParens, ...(o.aliases ?? [])].map(normalizeLabel).filter((s) => s !== "");
}

function lookupFor(options: readonly Matchable[]): Map<string, string> {
  let map = lookups.get(options);
  if (!map) {
    map = new Map();
    for (const o of options) {
      for (const spelling of optionSpellings(o)) if (!map.has(spelling)) map.set(spelling, o.value);
    }
    lookups.set(options, map);
  }
  return map;
}

export function matchOption(options: readonly Matchable[], raw: string): string | undefined {
  return lookupFor(options).get(normalizeLabel(raw));
}

function bandForNumber(bands: readonly Band[], n: number): string | undefined {
  return bands.find((b) => (b.min !== undefined || b.max !== undefined) && n >= (b.min ?? -Infinity) && n < (b.max ?? Infinity))?.value;
}

const DEPARTEMENT_BY_NAME = new Map(DEPARTEMENTS.map((d) => [normalizeLabel(d.name).replace(/ /g, "-"), d.code]));

/** "13, 83; 84 2A", "Var / Vaucluse": any separator, names of single-word or hyphenated départements. */
export function parseDepartementsText(raw: string): string[] {
  const tokens = raw.split(/[\s,;/|+]+/).filter((t) => t !== "");
  const codes = tokens.map((t) => DEPARTEMENT_BY_NAME.get(normalizeLabel(t).replace(/ /g, "-")) ?? normalizeDepartementCode(t));
  return [...new Set(codes)];
}

export function parseFieldText(field: FieldDefinition, raw: string): ParseResult {
  const text = raw.trim();
  if (text === "") return OK(undefined);
  switch (field.type) {
    case "text":
      return OK(text.replace(/\s+/g, " "));
    case "integer": {
      const n = parseFrenchNumber(text);
      return n !== undefined && Number.isInteger(n) ? OK(n) : INVALID;
    }
    case "decimal": {
      const n = parseFrenchNumber(text, { dotIsDecimal: true });
      return n !== undefined ? OK(n) : INVALID;
    }
    case "amount": {
      const n = parseFrenchNumber(text, { allowScaleSuffix: true });
      return n !== undefined ? OK(n) : INVALID;
    }
    case "boolean": {
      const b = parseBooleanText(text);
      return b !== undefined ? OK(b) : INVALID;
    }
    case "date": {
      const d = parseHumanDate(text);
      return d !== undefined ? OK(d) : INVALID;
    }
    case "choice": {
      const v = matchOption(field.options, text);
      return v !== undefined ? OK(v) : INVALID_OPTION;
    }
    case "band": {
      const v = matchOption(field.bands, text);
      if (v !== undefined) return OK(v);
      // A figure instead of a tranche ("35 €") is placed in the tranche that contains it.
      const n = parseFrenchNumber(text, { allowScaleSuffix: true });
      const fromNumber = n !== undefined ? bandForNumber(field.bands, n) : undefined;
      return fromNumber !== undefined ? OK(fromNumber) : INVALID_OPTION;
    }
    case "departements": {
      const codes = parseDepartementsText(text);
      return codes.length > 0 ? OK(codes) : INVALID;
    }
  }
}
