import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, csrfHeader, toApiError } from "../../api/client";
import type { Agency, ClientDetail, ClientFilters, ClientPage, CrmImport, TeamMember } from "./types";

export const crmKeys = {
  all: ["crm"] as const,
  clients: (filters: ClientFilters) => ["crm", "clients", filters] as const,
  client: (id: string) => ["crm", "client", id] as const,
  agencies: ["crm", "agencies"] as const,
  team: ["crm", "team"] as const,
  imports: ["crm", "imports"] as const,
  import: (id: string) => ["crm", "imports", id] as const,
};

export const PAGE_SIZE = 25;

export function useClients(filters: ClientFilters) {
  return useQuery({
    queryKey: crmKeys.clients(filters),
    queryFn: ({ signal }) => api<ClientPage>("/api/v1/crm/clients", { query: { ...filters, pageSize: PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string) {
  return useQuery({
    queryKey: crmKeys.client(id),
    queryFn: ({ signal }) => api<ClientDetail>(`/api/v1/crm/clients/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: crmKeys.agencies,
    queryFn: async ({ signal }) => (await api<{ items: Agency[] }>("/api/v1/crm/agencies", { signal })).items,
  });
}

export function useTeam() {
  return useQuery({
    queryKey: crmKeys.team,
    queryFn: async ({ signal }) => (await api<{ items: TeamMember[] }>("/api/v1/crm/team", { signal })).items,
  });
}

/**
 * PATCH is not among the shared client's methods: same conventions (CSRF header, JSON, French
 * ApiError) with fetch directly.
 */
export async function patch<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "PATCH",
      headers: { accept: "application/json", "content-type": "application/json", ...csrfHeader() },
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network_error", "Serveur injoignable : vérifiez votre connexion et réessayez.");
  }
  const text = await response.text();
  const payload = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/** Invalidates every CRM query after a write: lists, detail and counters all move together. */
export function useCrmMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.all }) });
}

export const createClient = (body: unknown) => api<ClientDetail>("/api/v1/crm/clients", { method: "POST", body });
export const updateClient = (id: string, body: unknown) => patch<{ changes: { field: string }[] }>(`/api/v1/crm/clients/${id}`, body);
export const updateContract = (id: string, body: unknown) => patch<{ changes: { field: string }[] }>(`/api/v1/crm/contracts/${id}`, body);
export const createAgency = (body: unknown) => api<Agency>("/api/v1/crm/agencies", { method: "POST", body });
export const updateAgency = (id: string, body: unknown) => patch<Agency>(`/api/v1/crm/agencies/${id}`, body);
export const deleteAgency = (id: string) => api<void>(`/api/v1/crm/agencies/${id}`, { method: "DELETE" });
export const createTeamMember = (body: unknown) => api<{ id: string }>("/api/v1/crm/team", { method: "POST", body });
export const setMembership = (userId: string, body: unknown) => api<void>(`/api/v1/crm/team/${userId}/agency`, { method: "PUT", body });

export function useImportProgress(id: string | null, active: boolean) {
  return useQuery({
    queryKey: crmKeys.import(id ?? ""),
    queryFn: ({ signal }) => api<CrmImport>(`/api/v1/crm/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: active ? 500 : false,
  });
}

export function useImports() {
  return useQuery({
    queryKey: crmKeys.imports,
    queryFn: async ({ signal }) => (await api<{ items: CrmImport[] }>("/api/v1/crm/imports", { signal })).items,
  });
}

export const rejectsUrl = (id: string) => `/api/v1/crm/imports/${encodeURIComponent(id)}/rejects.csv`;

// Forms of this feature place the server's messages on their fields with the shared helper.
export { fieldErrors } from "../../api/client";
