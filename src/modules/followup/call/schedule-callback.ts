import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { AppError } from "../../../platform/errors";
import { formatParisDateTime, parisToday } from "../../catalogue/rules/dates";
import { clientDisplayName, type FollowupAggregate } from "../load-followup";
import { guardCallbackDate } from "../rules/workflow";
import { followupActions } from "../schema";
import { type Actor, mutateFollowup } from "../write-followup";

/** The reminder action's text: who to call back and when, in Paris time. */
export function callbackNote(client: FollowupAggregate["client"], at: Date): string {
  return `Rappeler ${clientDisplayName(client)} le ${formatParisDateTime(at)} (rendez-vous téléphonique M+3)`;
}

/**
 * Moves an agreed callback (the client asked for another time): the date and its reminder action
 * move together. The first callback is set by "Rappeler plus tard" itself.
 */
export async function rescheduleCallback(db: DbOrTx, actor: Actor, id: string, callbackAt: string, now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: ["scheduled_callback"], what: "Le report du rappel" }, async (tx, agg) => {
    const [failure] = guardCallbackDate({ client: agg.client, now, callbackAt });
    if (failure) throw new AppError("validation_error", { field: "callbackAt", message: failure.message });
    const at = new Date(callbackAt);
    await tx
      .update(followupActions)
      .set({
        dueDate: parisToday(at),
        note: callbackNote(agg.client, at),
        remindedAt: null,
      })
      .where(and(eq(followupActions.followupId, id), eq(followupActions.origin, "callback"), eq(followupActions.status, "open")));
    return {
      patch: { callbackAt: at },
      steps: [{ kind: "callback_rescheduled", data: { before: agg.followup.callbackAt?.toISOString() ?? null, after: at.toISOString() } }],
      result: null,
    };
  });
}
