import { useQuery } from "@tanstack/react-query";
import type { Wire } from "../../lib/wire";
import type { ConsentTextView } from "../../modules/consent/api";
import { api } from "./client";

export type ConsentText = Wire<ConsentTextView>;

export const CONSENT_TEXTS_KEY = ["consent-texts"] as const;

/** Published versions, newest first (the order the lead form and the admin page both want). */
export function useConsentTexts() {
  return useQuery({
    queryKey: CONSENT_TEXTS_KEY,
    queryFn: async ({ signal }) => {
      const { items } = await api<{ items: ConsentText[] }>("/api/v1/consent-texts", { signal });
      return [...items].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
    },
  });
}
