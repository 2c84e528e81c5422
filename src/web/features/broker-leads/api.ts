import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type {
  BrokerDashboard,
  BrokerLeadDetail,
  BrokerLeadList,
  BrokerLeadsQuery,
  ReturnDecision,
  ReturnQueue,
  ReturnRequest,
  StatusChange,
} from "../../../modules/broker-leads/api";
import { api, toQueryString } from "../../api/client";

export type BrokerLeadFilters = Partial<Omit<BrokerLeadsQuery, "pageSize">>;
export type BrokerLead = Wire<BrokerLeadList>["items"][number];
export type BrokerLeadSheet = Wire<BrokerLeadDetail>;
export type Dashboard = Wire<BrokerDashboard>;

const KEY = ["broker-leads"] as const;

export function useBrokerLeads(filters: BrokerLeadFilters) {
  return useQuery({
    queryKey: [...KEY, "list", filters],
    queryFn: ({ signal }) => api<Wire<BrokerLeadList>>("/api/v1/broker/leads", { query: { ...filters, pageSize: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBrokerDashboard(period: "week" | "month") {
  return useQuery({
    queryKey: [...KEY, "dashboard", period],
    queryFn: ({ signal }) => api<Dashboard>("/api/v1/broker/dashboard", { query: { period }, signal }),
  });
}

export function useBrokerLead(leadId: string) {
  return useQuery({
    queryKey: [...KEY, "lead", leadId],
    queryFn: ({ signal }) => api<BrokerLeadSheet>(`/api/v1/broker/leads/${encodeURIComponent(leadId)}`, { signal }),
  });
}

export const exportUrl = (filters: BrokerLeadFilters) => {
  const { page: _page, sort: _sort, ...rest } = filters;
  return `/api/v1/broker/leads/export.csv${toQueryString(rest)}`;
};
export const proofPdfUrl = (leadId: string) => `/api/v1/broker/leads/${encodeURIComponent(leadId)}/proof.pdf`;

export function useChangeStatus(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Wire<StatusChange>) =>
      api<{ status: string; clientId: string | null }>(`/api/v1/broker/leads/${encodeURIComponent(leadId)}/status`, {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useFailedCall(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ failedAttempts: number }>(`/api/v1/broker/leads/${encodeURIComponent(leadId)}/failed-calls`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export type ReturnQueueItem = Wire<ReturnQueue>["items"][number];

export function useRequestReturn(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Wire<ReturnRequest>) =>
      api<{ id: string; status: string }>(`/api/v1/broker/leads/${encodeURIComponent(leadId)}/return`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useReturnQueue(status: "pending" | "accepted" | "refused") {
  return useQuery({
    queryKey: ["returns", status],
    queryFn: async ({ signal }) => (await api<Wire<ReturnQueue>>("/api/v1/admin/returns", { query: { status }, signal })).items,
  });
}

export function useDecideReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ returnId, ...body }: { returnId: string } & Wire<ReturnDecision>) =>
      api<{ id: string; status: string }>(`/api/v1/admin/returns/${encodeURIComponent(returnId)}/decision`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["returns"] }),
  });
}
