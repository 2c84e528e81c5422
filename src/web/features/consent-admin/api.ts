import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { CONSENT_TEXTS_KEY, type ConsentText } from "../../api/consent-texts";

export interface NewConsentText {
  version: string;
  title: string;
  body: string;
  partners: string[];
  partnerCategories: string[];
}

export function usePublishConsentText() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewConsentText) => api<ConsentText>("/api/v1/consent-texts", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CONSENT_TEXTS_KEY }),
  });
}
