/**
 * A list's filters kept in the page URL (shareable, kept on reload): read back with the numeric keys as
 * numbers, written without the empty ones.
 */
export function filtersFromParams<T>(params: URLSearchParams, numberKeys: readonly string[] = ["page"]): T {
  const out: Record<string, string | number> = {};
  for (const [key, value] of params) out[key] = numberKeys.includes(key) ? Number(value) : value;
  return out as T;
}

export function filtersToParams(filters: object): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])));
}
