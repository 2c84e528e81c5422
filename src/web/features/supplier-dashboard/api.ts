import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { leadKeys } from "../leads/api";
import type { LeadFilters } from "../leads/types";

export interface LeadStats {
  totals: { accepted: number; rejected: number };
  byDay: { day: string; accepted: number; rejected: number }[];
  byProduct: { product: string; accepted: number; rejected: number }[];
  byReason: { code: string; message: string; count: number }[];
}

export function useLeadStats(filters: LeadFilters) {
  return useQuery({
    queryKey: leadKeys.stats(filters),
    queryFn: ({ signal }) => api<LeadStats>("/api/v1/leads/stats", { query: { ...filters }, signal }),
    placeholderData: (previous) => previous,
  });
}
