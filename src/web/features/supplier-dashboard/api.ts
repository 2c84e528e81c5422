import { useQuery } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type { LeadStatsView } from "../../../modules/intake/api";
import { api } from "../../api/client";
import { leadKeys } from "../leads/api";
import type { LeadFilters } from "../leads/types";

export type LeadStats = Wire<LeadStatsView>;

export function useLeadStats(filters: LeadFilters) {
  return useQuery({
    queryKey: leadKeys.stats(filters),
    queryFn: ({ signal }) => api<LeadStats>("/api/v1/leads/stats", { query: { ...filters }, signal }),
    placeholderData: (previous) => previous,
  });
}
