import { type FollowupState, STATE_LABELS } from "../../../modules/followup/rules/workflow";

const TONE: Record<FollowupState, string> = {
  preparation: "",
  contact_attempt: "badge--info",
  scheduled_callback: "badge--warning",
  admin_profile_update: "badge--info",
  admin_contract_validation: "badge--info",
  commercial_rebound: "badge--info",
  action_plan: "badge--info",
  closed: "badge--success",
};

export function StateBadge({ state }: { state: FollowupState }) {
  return <span className={`badge ${TONE[state]}`}>{STATE_LABELS[state]}</span>;
}
