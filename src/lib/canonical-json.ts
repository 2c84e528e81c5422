/**
 * JSON with object keys sorted at every depth: the same data always gives the same bytes. Written as
 * plain loops: it runs for every lead (consent fingerprint) and every sealed audit event.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // Default sort order compares UTF-16 code units, like "<": the order every stored hash was made with.
  const keys = Object.keys(object).sort();
  let out = "{";
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}
