import { WORK_STATUS_LABELS, type WorkStatus } from "../../../modules/broker-leads/rules/work-status";

const KIND: Record<WorkStatus, string> = { nouveau: "badge--info", contacte: "badge--warning", vendu: "badge--success", perdu: "" };

export function WorkStatusBadge({ status }: { status: WorkStatus }) {
  return <span className={`badge ${KIND[status]}`}>{WORK_STATUS_LABELS[status]}</span>;
}

/** "J-12" while the 30-day call window is open, a warning once it is past. */
export function CallWindowBadge({ daysLeft }: { daysLeft: number | null }) {
  if (daysLeft === null) return <span className="muted">—</span>;
  if (daysLeft < 0) return <span className="badge badge--danger">Délai dépassé</span>;
  return <span className={`badge ${daysLeft <= 5 ? "badge--warning" : "badge--plain"}`}>J-{daysLeft}</span>;
}
