import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CampaignRun, CampaignRuns, FollowupList, FollowupView, Measures, MyActions, WriteAnswer } from "./types";

export const followupKeys = {
  all: ["followups"] as const,
  list: (filters: object) => ["followups", "list", filters] as const,
  one: (id: string) => ["followups", "one", id] as const,
  measures: (from: string, to: string) => ["followups", "measures", from, to] as const,
  campaigns: ["followups", "campaigns"] as const,
  myActions: ["followups", "my-actions"] as const,
};

export interface ListFilters {
  assignee: "me" | "all";
  state: string;
}

const CALLS_PAGE = 100;

/** "Mes appels M+3", a hundred at a time; the counts per state (the tabs and the total) come with each page. */
export function useFollowupList(filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: followupKeys.list(filters),
    queryFn: ({ signal, pageParam }) =>
      api<FollowupList>("/api/v1/followups", {
        query: { ...filters, limit: CALLS_PAGE, offset: pageParam },
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length * CALLS_PAGE : undefined),
    placeholderData: keepPreviousData,
  });
}

/** The M+3 follow-up of a client (at most one), or null before the campaign has created it. */
export function useClientFollowup(clientId: string) {
  return useQuery({
    queryKey: followupKeys.list({ client: clientId }),
    queryFn: ({ signal }) =>
      api<Pick<FollowupList, "items">>("/api/v1/followups", { query: { assignee: "all", client: clientId, limit: 1 }, signal }),
    select: (data) => data.items[0] ?? null,
  });
}

export function useFollowup(id: string) {
  return useQuery({
    queryKey: followupKeys.one(id),
    queryFn: ({ signal }) => api<FollowupView>(`/api/v1/followups/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useMeasures(from: string, to: string) {
  return useQuery({
    queryKey: followupKeys.measures(from, to),
    queryFn: ({ signal }) => api<Measures>("/api/v1/followups/measures", { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignRuns() {
  return useQuery({
    queryKey: followupKeys.campaigns,
    queryFn: ({ signal }) => api<CampaignRuns>("/api/v1/followups/campaigns", { signal }),
  });
}

export function useRunCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) =>
      api<CampaignRun>("/api/v1/followups/campaigns", {
        method: "POST",
        body: { month },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followupKeys.all }),
  });
}

export function useMyActions() {
  return useQuery({
    queryKey: followupKeys.myActions,
    queryFn: ({ signal }) => api<MyActions>("/api/v1/followups/my-actions", { signal }),
  });
}

export function useCompleteAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/followups/actions/${encodeURIComponent(id)}/done`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followupKeys.all }),
  });
}

/**
 * Every write of the call screen: the recording endpoints and the transitions. Each answers the new
 * state and version; the screen then reloads the whole view, which is the server's judgement of
 * what is complete and what can come next.
 */
export function useFollowupWrite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = "POST", body }: { path: string; method?: "POST" | "PUT"; body: unknown }) =>
      api<WriteAnswer>(`/api/v1/followups/${encodeURIComponent(id)}/${path}`, { method, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: followupKeys.all }),
  });
}
