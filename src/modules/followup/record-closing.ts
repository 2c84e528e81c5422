import type { DbOrTx } from "../../db/client";
import type { ClosingCriteriaRecord } from "../../shared/followup/closing";
import { type Actor, mutateFollowup } from "./write-followup";

/**
 * The four "victory" criteria of spec 003, answered oui / non. Only the keys sent change (PATCH):
 * "carte envoyée" is normally set by the send itself and must survive a later answer.
 */
export async function recordClosingCriteria(db: DbOrTx, actor: Actor, id: string, input: ClosingCriteriaRecord, now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: ["action_plan"], what: "Les critères de clôture" }, async (_tx, agg) => {
    const before = agg.followup.closing ?? {};
    const sent = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after: ClosingCriteriaRecord = { ...before, ...sent };
    if (after.contactCardSent === false) after.contactCardChannel = null;
    return { patch: { closing: after }, steps: [{ kind: "closing_criteria", data: { before, after } }], result: after };
  });
}
