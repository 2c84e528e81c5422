import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type { BillingIdentityResponse, InvoicesResponse, PacksResponse, TopUpResponse, WalletResponse } from "../../../modules/billing/api";
import { api } from "../../api/client";

export type Wallet = Wire<WalletResponse>;
export type LedgerItem = Wallet["items"][number];
export type InvoiceItem = Wire<InvoicesResponse>["items"][number];

const WALLET = ["billing", "wallet"] as const;
const INVOICES = ["billing", "invoices"] as const;

export function useWallet() {
  return useQuery({ queryKey: WALLET, queryFn: ({ signal }) => api<Wallet>("/api/v1/billing/wallet", { signal, query: { limit: 100 } }) });
}

export function usePacks() {
  return useQuery({ queryKey: ["billing", "packs"], queryFn: ({ signal }) => api<PacksResponse>("/api/v1/billing/packs", { signal }) });
}

export function useInvoices() {
  return useQuery({
    queryKey: INVOICES,
    queryFn: async ({ signal }) => (await api<{ items: InvoiceItem[] }>("/api/v1/billing/invoices", { signal })).items,
  });
}

export function useTopUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { packId: string; cardNumber?: string }) => api<TopUpResponse>("/api/v1/billing/top-ups", { method: "POST", body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: WALLET });
      queryClient.invalidateQueries({ queryKey: INVOICES });
    },
  });
}

const IDENTITY = ["billing", "identity"] as const;

export function useBillingIdentity() {
  return useQuery({ queryKey: IDENTITY, queryFn: ({ signal }) => api<BillingIdentityResponse>("/api/v1/billing/identity", { signal }) });
}

export function useUpdateBillingIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { address: string; vatNumber: string }) =>
      api<BillingIdentityResponse>("/api/v1/billing/identity", { method: "PUT", body }),
    onSuccess: (data) => queryClient.setQueryData(IDENTITY, data),
  });
}
