import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CsvImport } from "./types";

export const importKeys = {
  list: ["imports", "list"] as const,
  one: (id: string) => ["imports", id] as const,
};

export function useImports() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: async ({ signal }) => (await api<{ items: CsvImport[] }>("/api/v1/imports", { signal })).items,
  });
}

/** Polls the server's progress while the file is being processed. */
export function useImportProgress(id: string | null, active: boolean) {
  return useQuery({
    queryKey: importKeys.one(id ?? ""),
    queryFn: ({ signal }) => api<CsvImport>(`/api/v1/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: active ? 500 : false,
  });
}

export function createImport(input: { product: string; filename: string; sizeBytes: number }) {
  return api<{ id: string }>("/api/v1/imports", { method: "POST", body: input });
}
