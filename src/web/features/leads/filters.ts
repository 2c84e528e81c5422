import { toQueryString } from "../../api/client";
import { FILTER_KEYS, type LeadFilters } from "./types";

/** Filters live in the URL so that a filtered list can be bookmarked and linked to (e.g. from an import). */
export function filtersFromParams(params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function filtersToParams(filters: LeadFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function leadsListUrl(filters: LeadFilters): string {
  const s = filtersToParams(filters).toString();
  return s ? `/apporteur/leads?${s}` : "/apporteur/leads";
}

export function exportUrl(filters: LeadFilters): string {
  return `/api/v1/leads/export.csv${toQueryString({ ...filters })}`;
}
