import { FRENCH_MONTHS } from "../../../modules/catalogue/rules/dates";
import { CONTACT_CHANNEL_LABELS, type ContactChannel } from "../../../modules/followup/rules/contact";
import { EVENT_LABELS, type FollowupEvent, STATE_LABELS } from "../../../modules/followup/rules/workflow";
import type { HistoryEntry } from "./types";

/** "2026-06" or "2026-06-01" → "juin 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${FRENCH_MONTHS[(m ?? 1) - 1] ?? ""} ${y}`;
}

export function shortMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${(FRENCH_MONTHS[(m ?? 1) - 1] ?? "").slice(0, 4)}. ${String(y).slice(2)}`;
}

/** "35 %" with a no-break space, as French typography writes it (and so that it never wraps). */
export const percent = (share: number) => `${Math.round(share * 100)}\u00a0%`;
export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

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
  tns_dismissed: "Statut TNS écarté",
  action_done: "Action réalisée",
};

/** One line per journal entry: what happened, in the agent's words. */
export function historyText(entry: HistoryEntry): string {
  const data = entry.data as {
    event?: FollowupEvent;
    contact?: { name?: string; channel?: ContactChannel | null };
    reason?: string;
    items?: { label: string; status: string; before?: unknown; after?: unknown }[];
    channel?: string;
    to?: string;
  };
  if (entry.kind === "transition") {
    const label = data.event ? (EVENT_LABELS[data.event] ?? data.event) : "Étape suivante";
    // The line is shown only when the agent chose one: the journal records nothing else.
    const channel = data.contact?.channel ? ` (${CONTACT_CHANNEL_LABELS[data.contact.channel]})` : "";
    const contact = data.contact ? ` — ${data.contact.name ?? ""}${channel}` : "";
    const to = entry.toState ? ` → ${STATE_LABELS[entry.toState]}` : "";
    return `${label}${to}${contact}${entry.overrideReason ? ` · forcé : « ${entry.overrideReason} »` : ""}`;
  }
  if (entry.kind === "checklist_review" && data.items) {
    const modified = data.items
      .filter((i) => i.status === "modified")
      .map((i) => `${i.label} : ${String(i.before ?? "—")} → ${String(i.after ?? "—")}`);
    return `${KIND_LABELS.checklist_review} (${data.items.length} point${data.items.length > 1 ? "s" : ""})${modified.length ? ` · ${modified.join(" ; ")}` : ""}`;
  }
  if (entry.kind === "tns_dismissed") return `${KIND_LABELS.tns_dismissed} : « ${data.reason ?? ""} »`;
  if (entry.kind === "contact_card_sent")
    return `${KIND_LABELS.contact_card_sent} par ${data.channel === "sms" ? "SMS" : "e-mail"} à ${data.to ?? ""}`;
  return KIND_LABELS[entry.kind] ?? entry.kind;
}
