export type LeadStatus = "accepted" | "rejected";

export function StatusBadge({ status }: { status: string }) {
  if (status === "accepted") return <span className="badge badge--success">Accepté</span>;
  if (status === "rejected") return <span className="badge badge--danger">Rejeté</span>;
  return <span className="badge">{status}</span>;
}

export const CHANNEL_LABELS: Record<string, string> = {
  api: "API",
  csv: "Import CSV",
  form: "Saisie manuelle",
  hosted_form: "Formulaire hébergé (preuve recueillie par la plateforme)",
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}
