import { RETURN_REASON_LABELS, type ReturnReason } from "./rules/returns";
import { LOST_REASON_LABELS, type LostReason, WORK_STATUS_LABELS, type WorkStatus } from "./rules/work-status";

/** Audit actions the broker space writes on a lead (entity "lead", the buying brokerage as actor). */
export const WORK_EVENTS = {
  statusChanged: "lead.status_changed",
  callFailed: "lead.call_failed",
  proofExported: "lead.proof_exported",
} as const;

/** Audit actions of a return; the operator's decision is written with the operator as actor. */
export const RETURN_EVENTS = {
  requested: "lead.return_requested",
  accepted: "lead.return_accepted",
  refused: "lead.return_refused",
} as const;

type TimelineKind = "status" | "attempt" | "return" | "proof";

/** How an audit event on a bought lead reads in its timeline; events of other modules fall back to their action. */
export function describeWorkEvent(
  action: string,
  data: Record<string, unknown>,
): { kind: TimelineKind; label: string; detail: string | null } {
  if (action === WORK_EVENTS.statusChanged) {
    const to = data.to as WorkStatus;
    const reason = data.lostReason ? LOST_REASON_LABELS[data.lostReason as LostReason] : null;
    const detail = [reason, typeof data.note === "string" ? data.note : null, data.clientId ? "client créé dans le CRM" : null]
      .filter(Boolean)
      .join(" — ");
    return { kind: "status", label: `Statut : ${WORK_STATUS_LABELS[to] ?? to}`, detail: detail || null };
  }
  if (action === WORK_EVENTS.callFailed)
    return { kind: "attempt", label: `Appel sans réponse (tentative n° ${data.attempt})`, detail: null };
  if (action === WORK_EVENTS.proofExported) return { kind: "proof", label: "Preuve de consentement exportée (PDF)", detail: null };
  if (action === RETURN_EVENTS.requested)
    return {
      kind: "return",
      label: `Contestation demandée : ${RETURN_REASON_LABELS[data.reason as ReturnReason] ?? data.reason}`,
      detail: typeof data.note === "string" ? data.note : null,
    };
  if (action === RETURN_EVENTS.accepted)
    return {
      kind: "return",
      label: "Contestation acceptée : crédits remboursés",
      detail: typeof data.comment === "string" ? data.comment : null,
    };
  if (action === RETURN_EVENTS.refused)
    return { kind: "return", label: "Contestation refusée", detail: typeof data.comment === "string" ? data.comment : null };
  return { kind: "status", label: action, detail: null };
}
