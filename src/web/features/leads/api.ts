import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { LeadDetail, LeadFilters, LeadPage } from "./types";

const PAGE_SIZE = 50;

export const leadKeys = {
  all: ["leads"] as const,
  list: (filters: LeadFilters) => ["leads", "list", filters] as const,
  detail: (id: string) => ["leads", "detail", id] as const,
  stats: (filters: LeadFilters) => ["leads", "stats", filters] as const,
};

export function useLeadList(filters: LeadFilters) {
  return useInfiniteQuery({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<LeadPage>("/api/v1/leads", {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: leadKeys.detail(id),
    queryFn: ({ signal }) => api<LeadDetail>(`/api/v1/leads/${encodeURIComponent(id)}`, { signal }),
  });
}
