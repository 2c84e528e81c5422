/**
 * What the database can hold of a value sent to us. PostgreSQL's text and jsonb hold Unicode text
 * without NUL: a string with U+0000, or with half a UTF-16 surrogate pair (a "\ud800" escape, or a byte
 * that was not UTF-8, see decode-utf8.ts), is refused and fails the whole statement. JSON nested without
 * limit overflows the recursive code that serialises it (JSON.stringify, jsonb's parser).
 */

/** Levels of objects and arrays a JSON value may have (the value itself is level 1). A lead has 3. */
export const MAX_JSON_DEPTH = 32;

export type JsonPath = (string | number)[];

/** Why a value cannot be stored, in the words a supplier or a user reads. */
export const NOT_STORABLE = "caractère nul, octet non UTF-8 ou nombre hors limites";

export const isStorableText = (s: string) => !s.includes("\0") && s.isWellFormed();

/** The text as a screen can show it: U+FFFD where a character is not text. */
export const readableText = (s: string) => (isStorableText(s) ? s : s.replaceAll("\0", "\uFFFD").toWellFormed());

export const pathText = (path: JsonPath) => path.join(".");

export interface JsonInspection {
  /** Where the value first goes deeper than allowed (the container past the limit); null: within it. */
  tooDeep: JsonPath | null;
  /** Where the value first holds something the database cannot store as is: a string or key that is not text, or a number JSON cannot write. */
  notStorable: JsonPath | null;
}

const CLEAN: JsonInspection = Object.freeze({ tooDeep: null, notStorable: null });

/** The common case, checked without keeping track of where: every value storable, within the depth limit. */
function isClean(v: unknown, depth: number, maxDepth: number): boolean {
  if (typeof v === "string") return isStorableText(v);
  if (typeof v === "number") return Number.isFinite(v);
  if (v === null || typeof v !== "object") return true;
  if (depth > maxDepth) return false;
  if (Array.isArray(v)) {
    for (const item of v) if (!isClean(item, depth + 1, maxDepth)) return false;
    return true;
  }
  for (const key in v) {
    if (!isStorableText(key) || !isClean((v as Record<string, unknown>)[key], depth + 1, maxDepth)) return false;
  }
  return true;
}

/**
 * Walks a parsed JSON value once, at most `maxDepth` levels down (the recursion is bounded by it, so
 * any depth is safe to inspect), and says whether it can be stored as it is.
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonInspection {
  if (isClean(value, 1, maxDepth)) return CLEAN;
  const found: JsonInspection = { tooDeep: null, notStorable: null };
  const path: JsonPath = [];
  const notStorable = () => {
    found.notStorable ??= [...path];
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === "string") {
      if (!isStorableText(v)) notStorable();
      return true;
    }
    if (typeof v === "number") {
      if (!Number.isFinite(v)) notStorable();
      return true;
    }
    if (v === null || typeof v !== "object") return true;
    if (depth > maxDepth) {
      found.tooDeep = [...path];
      return false;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const ok = walk(v[i], depth + 1);
        path.pop();
        if (!ok) return false;
      }
      return true;
    }
    for (const key of Object.keys(v)) {
      path.push(key);
      if (!isStorableText(key)) notStorable();
      const ok = walk((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
      if (!ok) return false;
    }
    return true;
  };
  walk(value, 1);
  return found;
}

/**
 * A copy of a JSON value (within the depth limit) that the database can store: text made readable,
 * numbers JSON cannot write as null (what JSON.stringify writes for them anyway).
 */
export function storableJson(value: unknown): unknown {
  if (typeof value === "string") return readableText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(storableJson);
  // fromEntries defines properties: a "__proto__" key sent by a client stays a plain key.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [readableText(k), storableJson(v)]));
}
