import { useQuery } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type { OutboxDetailView, OutboxListView } from "../../../modules/notifications/api";
import { api } from "../../api/client";

export type OutboxList = Wire<OutboxListView>;
export type OutboxItem = OutboxList["items"][number];
export type OutboxDetail = Wire<OutboxDetailView>;

export function useOutbox(channel: "" | "email" | "sms") {
  return useQuery({
    queryKey: ["outbox", channel],
    queryFn: ({ signal }) => api<OutboxList>("/api/v1/outbox", { query: { channel: channel || undefined, limit: 100 }, signal }),
    // New messages arrive while the user works elsewhere (a vCard sent from a call): keep the list fresh.
    refetchInterval: 10_000,
  });
}

export function useOutboxMessage(id: string | null) {
  return useQuery({
    queryKey: ["outbox", "one", id],
    queryFn: ({ signal }) => api<OutboxDetail>(`/api/v1/outbox/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== null,
  });
}
