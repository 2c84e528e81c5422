import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NewConsentText as NewConsentTextInput } from "../../../modules/consent/api";
import { api } from "../../api/client";
import { CONSENT_TEXTS_KEY, type ConsentText } from "../../api/consent-texts";

export type NewConsentText = Required<NewConsentTextInput>;

export function usePublishConsentText() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewConsentText) => api<ConsentText>("/api/v1/consent-texts", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CONSENT_TEXTS_KEY }),
  });
}
