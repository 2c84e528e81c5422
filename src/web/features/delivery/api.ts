import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type { DeliveryList, NotificationList, Sent, WebhookBody, WebhookSaved, WebhookView } from "../../../modules/delivery/api";
import { api } from "../../api/client";

export type Notifications = Wire<NotificationList>;
export type Webhook = NonNullable<Wire<WebhookView>["webhook"]>;
export type Delivery = Wire<DeliveryList>["items"][number];
export type SavedWebhook = Wire<WebhookSaved>;
export type SentDelivery = Wire<Sent>;

/** The bell refreshes every 30 seconds: a lead received while the page is open shows up without a reload. */
const NOTIFICATIONS = ["delivery", "notifications"] as const;
const WEBHOOK = ["delivery", "webhook"] as const;
const DELIVERIES = ["delivery", "deliveries"] as const;

export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS,
    queryFn: ({ signal }) => api<Notifications>("/api/v1/brokerage/notifications", { signal }),
    refetchInterval: 30_000,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/v1/brokerage/notifications/read", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

export function useWebhook() {
  return useQuery({
    queryKey: WEBHOOK,
    queryFn: async ({ signal }) => (await api<Wire<WebhookView>>("/api/v1/brokerage/webhook", { signal })).webhook,
  });
}

export function useSaveWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookBody) => api<SavedWebhook>("/api/v1/brokerage/webhook", { method: "PUT", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOK }),
  });
}

export function useRegenerateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<SavedWebhook>("/api/v1/brokerage/webhook/secret", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOK }),
  });
}

/** The log refreshes every 10 seconds while open: retries land without a reload. */
export function useDeliveries(enabled: boolean) {
  return useQuery({
    queryKey: DELIVERIES,
    queryFn: async ({ signal }) => (await api<Wire<DeliveryList>>("/api/v1/brokerage/webhook/deliveries", { signal })).items,
    enabled,
    refetchInterval: 10_000,
  });
}

export function useSendTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<SentDelivery>("/api/v1/brokerage/webhook/test", { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DELIVERIES }),
  });
}

export function useReplay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      api<SentDelivery>(`/api/v1/brokerage/webhook/deliveries/${encodeURIComponent(deliveryId)}/replay`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DELIVERIES }),
  });
}
