import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

export interface OutboxItem {
  id: string;
  channel: "email" | "sms";
  tag: string | null;
  to: string;
  from: string;
  subject: string | null;
  attachmentCount: number;
  smsEncoding: string | null;
  smsSegments: number | null;
  receivedAt: string;
}

export interface OutboxDetail extends Omit<OutboxItem, "attachmentCount"> {
  text: string;
  attachments: { filename: string | null; contentType: string; size: number }[];
  hasRaw: boolean;
}

export interface OutboxList {
  capture: { email: boolean; sms: boolean };
  notice: string | null;
  items: OutboxItem[];
  total: number;
}

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
