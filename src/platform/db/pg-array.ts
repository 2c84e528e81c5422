/** An element PostgreSQL's array input reads as itself without quotes (array_in's rules). */
const BARE = /^[^\s"\\{},]+$/;
const NULL_WORD = /^null$/i;
const ESCAPED = /["\\]/g;

export type PgArrayElement = string | number | boolean | Buffer | null | undefined;

/**
 * A one-dimensional PostgreSQL array literal (`{a,"b c",NULL}`), sent as one text parameter and cast on
 * the server (`$1::text[]`, `::uuid[]`…): intake's batches send each column this way, and the duplicate
 * check, routing and stocking their lists. pg's own encoder (`prepareValue`) quotes every element and
 * grows the literal by concatenation, which made it the first allocator of a CSV import (600 MB of
 * garbage per 100,000 rows, its collections a sixth of the worker's time); here an element goes bare
 * when array_in reads it back unchanged (uuids, numbers, instants, hashes, most names), and the literal
 * is joined once.
 */
export function pgArrayLiteral(values: readonly PgArrayElement[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = element(values[i]);
  return `{${parts.join(",")}}`;
}

function element(value: PgArrayElement): string {
  if (value === null || value === undefined) return "NULL";
  // bytea's hex form; the backslash doubled, as array_in reads an escaped one.
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString("hex")}`;
  const text = String(value);
  // The length first: most elements are not four characters long, and this runs for every cell of an import.
  return BARE.test(text) && !(text.length === 4 && NULL_WORD.test(text)) ? text : `"${text.replace(ESCAPED, "\\$&")}"`;
}
