import { useQuery } from "@tanstack/react-query";
import { api } from "./client";

export interface ConsentText {
  id: string;
  version: string;
  title: string;
  body: string;
  sha256: string;
  partners: string[];
  /** Partner categories (brokers/rules/partner-categories.ts): who a lead under this text may be sold to. */
  partnerCategories: string[];
  publishedAt: string;
}

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
