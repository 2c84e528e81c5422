import { FRENCH_MONTHS } from "../../../shared/catalogue/dates";
import { CLOSING_CRITERIA_LABELS, type ClosingCriterionKey } from "../../../shared/followup/closing";
import { CONTACT_CHANNEL_LABELS, type ContactChannel } from "../../../shared/followup/contact";
import { EVENT_LABELS, type FollowupEvent, STATE_LABELS } from "../../../shared/followup/workflow";
import type { FollowupView, HistoryEntry } from "./types";

/** "2026-06" or "2026-06-01" → "juin 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${FRENCH_MONTHS[(m ?? 1) - 1] ?? ""} ${y}`;
}

export function shortMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${(FRENCH_MONTHS[(m ?? 1) - 1] ?? "").slice(0, 4)}. ${String(y).slice(2)}`;
}

export const percent = (share: number) => `${Math.round(share * 100)} %`;
export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * The server names what is missing by keys (checklist items, contract ids, criteria, form paths):
 * this turns them back into what the agent sees on screen.
 */
export function missingLabel(view: FollowupView, key: string): string {
  const item = view.checklist.find((i) => i.key === key);
  if (item) return item.label;
  const contract = view.contracts.find((c) => c.id === key);
  if (contract) return `Contrat ${contract.productLabel}`;
  if (key in CLOSING_CRITERIA_LABELS) return CLOSING_CRITERIA_LABELS[key as ClosingCriterionKey];
  const fixed: Record<string, string> = {
    callbackAt: "Date et heure du rappel",
    inventory: "Réponse à la question pivot (contrats ailleurs, ou « aucun autre assureur »)",
    retainedGaps: "3 manques retenus au maximum",
    actions: "Au moins une action, ou le motif de l'absence d'action",
    reason: "Motif du forçage",
  };
  if (fixed[key]) return fixed[key] as string;
  const action = /^actions\[(\d+)\]\.(dueDate|ownerId)$/.exec(key);
  if (action) return `Action ${Number(action[1]) + 1} : ${action[2] === "dueDate" ? "échéance" : "responsable"}`;
  return key;
}

const KIND_LABELS: Record<string, string> = {
  created: "Suivi créé par la campagne",
  checklist_review: "Fiche client vérifiée",
  contract_validation: "Contrat vérifié",
  rebound: "Bilan commercial enregistré",
  action_plan: "Plan d'actions enregistré",
  callback_rescheduled: "Rappel déplacé",
  closing_criteria: "Critères de clôture",
  contact_card_sent: "Carte de contact envoyée",
  tns_requalification: "Fiche passée en client pro / TNS",
  action_done: "Action réalisée",
};

/** One line per journal entry: what happened, in the agent's words. */
export function historyText(entry: HistoryEntry): string {
  const data = entry.data as {
    event?: FollowupEvent;
    contact?: { name?: string; channel?: ContactChannel };
    items?: { label: string; status: string; before?: unknown; after?: unknown }[];
    channel?: string;
    to?: string;
  };
  if (entry.kind === "transition") {
    const label = data.event ? (EVENT_LABELS[data.event] ?? data.event) : "Étape suivante";
    const contact = data.contact ? ` — ${data.contact.name ?? ""} (${CONTACT_CHANNEL_LABELS[data.contact.channel ?? "phone"] ?? ""})` : "";
    const to = entry.toState ? ` → ${STATE_LABELS[entry.toState]}` : "";
    return `${label}${to}${contact}${entry.overrideReason ? ` · forcé : « ${entry.overrideReason} »` : ""}`;
  }
  if (entry.kind === "checklist_review" && data.items) {
    const modified = data.items
      .filter((i) => i.status === "modified")
      .map((i) => `${i.label} : ${String(i.before ?? "—")} → ${String(i.after ?? "—")}`);
    return `${KIND_LABELS.checklist_review} (${data.items.length} point${data.items.length > 1 ? "s" : ""})${modified.length ? ` · ${modified.join(" ; ")}` : ""}`;
  }
  if (entry.kind === "contact_card_sent")
    return `${KIND_LABELS.contact_card_sent} par ${data.channel === "sms" ? "SMS" : "e-mail"} à ${data.to ?? ""}`;
  return KIND_LABELS[entry.kind] ?? entry.kind;
}
