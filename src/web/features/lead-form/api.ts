import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LeadSubmission } from "../../../modules/intake/rules/lead-submission";
import { apiRequest } from "../../api/client";
import { leadKeys } from "../leads/api";
import type { Reason } from "../leads/types";

export type SubmitResult = { id: string; status: "accepted" } | { id: string; status: "rejected"; reasons: Reason[] };

export function useSubmitLead() {
  const queryClient = useQueryClient();
  return useMutation({
    // 422 is the normal answer for a rejected lead, not a failure of the request.
    mutationFn: async (submission: LeadSubmission) =>
      (await apiRequest<SubmitResult>("/api/v1/leads", { method: "POST", body: submission, acceptStatuses: [422] })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.all }),
  });
}
