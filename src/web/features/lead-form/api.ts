import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SubmitResult } from "../../../modules/intake/api";
import type { LeadSubmission } from "../../../modules/intake/rules/lead-submission";
import { apiRequest } from "../../api/client";
import { leadKeys } from "../leads/api";

export type { SubmitResult };

export function useSubmitLead() {
  const queryClient = useQueryClient();
  return useMutation({
    // 422 is the normal answer for a rejected lead, not a failure of the request.
    mutationFn: async (submission: LeadSubmission) =>
      (await apiRequest<SubmitResult>("/api/v1/leads", { method: "POST", body: submission, acceptStatuses: [422] })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.all }),
  });
}
