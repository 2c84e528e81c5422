import { FOLLOWUP_STATES, type FollowupState } from "./workflow";

/**
 * Which part of the call screen opens at which step (spec 002 §6.1), written once: the use-cases refuse
 * a recording outside its steps (`step_locked`), the call screen locks its blocks, and the answer says
 * which block the call is in, all from this table.
 *
 * - A block of the screen opens at its step and stays open to the end (a closed call shows it read-only).
 * - A recording opens at its step and closes with the call: the CRM still changes the record afterwards,
 *   but no longer as part of this call.
 */
export const CALL_SCREEN = {
  blocks: {
    preparation: "preparation",
    conduite: "contact_attempt",
    // The commercial part stays shut until both admin steps are done: the M+3 always starts with them.
    rebond: "commercial_rebound",
    plan: "action_plan",
  },
  recordings: {
    tns: "preparation",
    // The callback script itself promises "je vous envoie mes coordonnées par SMS".
    contactCard: "contact_attempt",
    checklist: "admin_profile_update",
    contracts: "admin_contract_validation",
    rebound: "commercial_rebound",
    actionPlan: "action_plan",
  },
} as const satisfies { blocks: Record<string, FollowupState>; recordings: Record<string, FollowupState> };

export type FollowupBlock = keyof typeof CALL_SCREEN.blocks;
export const FOLLOWUP_BLOCKS = Object.keys(CALL_SCREEN.blocks) as [FollowupBlock, ...FollowupBlock[]];
export type CallRecording = keyof typeof CALL_SCREEN.recordings;

/** The main path of a call, in order; the callback is a detour from contact_attempt and back. */
export const MAIN_PATH: readonly FollowupState[] = FOLLOWUP_STATES.filter((s) => s !== "scheduled_callback");

/** Where a state stands on the main path: a scheduled callback stands with the contact attempt. */
export const pathIndex = (state: FollowupState) => MAIN_PATH.indexOf(state === "scheduled_callback" ? "contact_attempt" : state);

/** Whether a block of the screen is open at this step. */
export const isBlockOpen = (block: FollowupBlock, state: FollowupState) => pathIndex(state) >= pathIndex(CALL_SCREEN.blocks[block]);

/** The block the call is in: the last one open. */
export function blockOf(state: FollowupState): FollowupBlock {
  return FOLLOWUP_BLOCKS.filter((b) => isBlockOpen(b, state)).at(-1) ?? "preparation";
}

/** The steps at which a recording is accepted, in the workflow's order. */
export function recordingOpenIn(recording: CallRecording): FollowupState[] {
  const from = pathIndex(CALL_SCREEN.recordings[recording]);
  return FOLLOWUP_STATES.filter((s) => s !== "closed" && pathIndex(s) >= from);
}
