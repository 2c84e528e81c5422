import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type {
  BillingIdentityResponse,
  CardPaymentResponse,
  InvoicesResponse,
  PacksResponse,
  PaymentProviderResponse,
  TopUpResponse,
  WalletResponse,
} from "../../../modules/billing/api";
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

/** The card form to show: the demonstration card, or Stripe.js with its publishable key. It does not change while the app runs. */
export function usePaymentProvider() {
  return useQuery({
    queryKey: ["billing", "payment-provider"],
    queryFn: ({ signal }) => api<PaymentProviderResponse>("/api/v1/billing/payment-provider", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Polls a card payment confirmed in the browser until Stripe's webhook has settled it on the server. */
export function useCardPaymentOutcome(paymentId: string | null) {
  return useQuery({
    queryKey: ["billing", "payments", paymentId],
    enabled: paymentId !== null,
    queryFn: ({ signal }) => api<CardPaymentResponse>(`/api/v1/billing/payments/${encodeURIComponent(paymentId ?? "")}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === "pending" || !query.state.data ? 1_000 : false),
  });
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
