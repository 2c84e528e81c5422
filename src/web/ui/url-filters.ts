import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/**
 * A list's filters kept in the page URL (shareable, kept on reload): read back with the numeric keys as
 * numbers, written without the empty ones.
 */
const PAGE_ONLY = ["page"] as const;

export function filtersFromParams<T>(params: URLSearchParams, numberKeys: readonly string[] = PAGE_ONLY): T {
  const out: Record<string, string | number> = {};
  for (const [key, value] of params) out[key] = numberKeys.includes(key) ? Number(value) : value;
  return out as T;
}

export function filtersToParams(filters: object): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])));
}

/**
 * The page's filters from its URL, and how to apply others (replacing the history entry, not adding one per change).
 * numberKeys: a constant, so that the filters change only with the URL.
 */
export function useUrlFilters<T>(numberKeys: readonly string[] = PAGE_ONLY): [T, (next: T) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams<T>(params, numberKeys), [params, numberKeys]);
  const onChange = useCallback((next: T) => setParams(filtersToParams(next as object), { replace: true }), [setParams]);
  return [filters, onChange];
}
