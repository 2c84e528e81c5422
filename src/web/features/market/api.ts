import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type {
  HoldView,
  MarketList,
  MarketQuery,
  MarketSummaryView,
  OrdersOverviewView,
  OrderView,
  PayHoldResponse,
  PriceGridView,
  PurchasedLeadView,
} from "../../../modules/market/api";
import { api } from "../../api/client";

export type MarketFilters = Partial<Omit<MarketQuery, "page" | "pageSize">> & { page?: number };
export type MarketLead = Wire<MarketList>["items"][number];
export type Hold = Wire<HoldView>;
export type Order = Wire<OrderView>;
export type PriceGrid = Wire<PriceGridView>;
export type MarketSummary = Wire<MarketSummaryView>;
export type OrderOverview = Wire<OrdersOverviewView>["items"][number];

/** The listing refreshes every 5 seconds: a lead bought by someone else disappears without a reload (decision 014). */
export const MARKET_REFRESH_MS = 5_000;
const MARKET = ["market"] as const;

export function useMarket(filters: MarketFilters) {
  return useQuery({
    queryKey: [...MARKET, filters],
    queryFn: ({ signal }) => api<Wire<MarketList>>("/api/v1/market/leads", { query: { ...filters, pageSize: 25 }, signal }),
    refetchInterval: MARKET_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useHoldLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, key }: { leadId: string; key: string }) =>
      api<Hold>(`/api/v1/market/leads/${encodeURIComponent(leadId)}/hold`, { method: "POST", headers: { "idempotency-key": key } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MARKET }),
  });
}

export type PayResult = Wire<PayHoldResponse>;
export type Purchase = Wire<PurchasedLeadView>;

/** Buys a lead with credits in one step, without a hold; the same key (one per intention) gives back the same purchase. */
export function useBuyLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, key }: { leadId: string; key: string }) =>
      api<Purchase>(`/api/v1/market/leads/${encodeURIComponent(leadId)}/buy`, { method: "POST", headers: { "idempotency-key": key } }),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: MARKET });
      queryClient.invalidateQueries({ queryKey: ["billing"] });
    },
  });
}

/** Pays a hold; the wallet, the ledger and the invoices change with it. */
export function usePayHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ holdId, ...body }: { holdId: string; method: "credits" } | { holdId: string; method: "card"; cardNumber?: string }) =>
      api<PayResult>(`/api/v1/market/holds/${encodeURIComponent(holdId)}/pay`, { method: "POST", body }),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: MARKET });
      queryClient.invalidateQueries({ queryKey: ["billing"] });
    },
  });
}

/** The lead a hold bought, once Stripe's webhook has concluded the sale (404 until then, or if it came too late). */
export const fetchPurchase = (holdId: string) => api<Purchase>(`/api/v1/market/holds/${encodeURIComponent(holdId)}/purchase`);

export function useReleaseHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (holdId: string) => api<void>(`/api/v1/market/holds/${encodeURIComponent(holdId)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MARKET }),
  });
}

const ORDERS = ["market-orders"] as const;

export function useOrders() {
  return useQuery({
    queryKey: ORDERS,
    queryFn: async ({ signal }) => (await api<{ items: Order[] }>("/api/v1/market/orders", { signal })).items,
  });
}

export interface OrderInput {
  name: string;
  products: string[];
  leadType: "lead" | "rdv";
  departements: string[];
  weeklyCap: number;
  dailyCap: number | null;
}

export function useOrderPreview(input: Pick<OrderInput, "products" | "leadType" | "departements">) {
  return useQuery({
    queryKey: [...ORDERS, "preview", input],
    enabled: input.products.length > 0,
    queryFn: ({ signal }) => api<{ lastWeek: number }>("/api/v1/market/orders/preview", { method: "POST", body: input, signal }),
  });
}

export function useSaveOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<OrderInput> & { id?: string; status?: "active" | "paused" }) =>
      id
        ? api<Order>(`/api/v1/market/orders/${encodeURIComponent(id)}`, { method: "PATCH", body })
        : api<Order>("/api/v1/market/orders", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORDERS }),
  });
}

export function usePriceGrid() {
  return useQuery({ queryKey: ["price-grid"], queryFn: ({ signal }) => api<PriceGrid>("/api/v1/prices", { signal }) });
}

export function usePublishPriceGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { note: string; entries: PriceGrid["entries"] }) => api<PriceGrid>("/api/v1/admin/prices", { method: "PUT", body }),
    onSuccess: (grid) => queryClient.setQueryData(["price-grid"], grid),
  });
}

/** The broker's home: spend, this week's leads, balance and latest leads; it follows purchases and sales. */
export function useMarketSummary() {
  return useQuery({
    queryKey: [...MARKET, "summary"],
    queryFn: ({ signal }) => api<MarketSummary>("/api/v1/market/summary", { signal }),
    refetchInterval: 30_000,
  });
}

/** The operator's overview of every brokerage's standing orders. */
export function useOrdersOverview() {
  return useQuery({
    queryKey: ["admin", "market-orders"],
    queryFn: async ({ signal }) => (await api<Wire<OrdersOverviewView>>("/api/v1/admin/market/orders", { signal })).items,
    refetchInterval: 30_000,
  });
}
