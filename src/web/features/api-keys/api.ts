import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type { ApiKeyView, CreatedApiKeyView } from "../../../modules/accounts/api";
import { api } from "../../api/client";

export type ApiKey = Wire<ApiKeyView>;
export type CreatedApiKey = Wire<CreatedApiKeyView>;

const KEY = ["api-keys"] as const;

export function useApiKeys() {
  return useQuery({ queryKey: KEY, queryFn: async ({ signal }) => (await api<{ items: ApiKey[] }>("/api/v1/api-keys", { signal })).items });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<CreatedApiKey>("/api/v1/api-keys", { method: "POST", body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
