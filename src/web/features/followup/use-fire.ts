import { useState } from "react";
import { ApiError, fieldErrors } from "../../api/client";
import { useFollowupWrite } from "./api";
import type { FollowupView } from "./types";

export interface Refusal {
  event: string;
  message: string;
  code: string;
  missing: string[];
  /** What is missing, in words, as the server names it. */
  missingLabels: string[];
  /** What was sent with the event, to send again with an override. */
  extra: object;
}

/**
 * Fires a workflow event and keeps the server's refusal (French message, code, what is missing), so
 * the screen can prompt for the missing items, or let a manager force the step with a reason.
 */
export function useFire(view: FollowupView) {
  const write = useFollowupWrite(view.id);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fire = async (event: string, extra: object = {}) => {
    setError(null);
    try {
      await write.mutateAsync({ path: "transitions", body: { event, expectedVersion: view.version, ...extra } });
      setRefusal(null);
      return true;
    } catch (e) {
      const details =
        e instanceof ApiError ? (e.details as { code?: string; missing?: string[]; missingLabels?: string[] } | undefined) : undefined;
      if (e instanceof ApiError && e.code === "transition_refused") {
        setRefusal({
          event,
          message: e.message,
          code: details?.code ?? "",
          missing: details?.missing ?? [],
          missingLabels: details?.missingLabels ?? [],
          extra,
        });
      } else {
        setError(e instanceof Error ? e.message : "Erreur inattendue");
      }
      return false;
    }
  };
  return { fire, refusal, error, pending: write.isPending, clear: () => setRefusal(null) };
}

/**
 * A recording (checklist, contracts, rebound, plan…): a refusal comes back as a French message, and
 * by field ("actions.0.dueDate" → "Date d'échéance de l'action 1 dans le passé…") for the screen to
 * show each one under its input.
 */
export function useRecord(view: FollowupView) {
  const write = useFollowupWrite(view.id);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const record = async (path: string, body: unknown, method: "POST" | "PUT" = "POST") => {
    setError(null);
    setFields({});
    try {
      await write.mutateAsync({ path, method, body });
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : "Erreur inattendue");
      setFields(fieldErrors(e));
      return false;
    }
  };
  return { record, error, fields, pending: write.isPending };
}
