import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { AppError } from "../../../platform/errors";
import type { Role } from "../../accounts/schema";
import { parisToday } from "../../catalogue/rules/dates";
import { guardContextOf } from "../guard-context";
import { clientDisplayName } from "../load-followup";
import { isVictory } from "../rules/closing";
import type { ContactChannel } from "../rules/contact";
import { canTransition, type FollowupEvent } from "../rules/workflow";
import { followupActions } from "../schema";
import { type Actor, type FollowupPatch, mutateFollowup } from "../write-followup";
import { callbackNote } from "./schedule-callback";

export interface TransitionInput {
  event: FollowupEvent;
  expectedVersion: number;
  override?: { reason: string };
  /** Who answered (the client by default) and on which line (none recorded unless chosen). */
  contact?: { name?: string | null; channel?: ContactChannel | null };
  /** Required by "Rappeler plus tard". */
  callbackAt?: string;
  note?: string | null;
}

const CONTACT_EVENTS: readonly FollowupEvent[] = ["start_call", "client_available", "client_unavailable"];

/**
 * Fires one workflow event. The shared table and guards decide (canTransition): a move outside the
 * table or with a failed guard is refused with its French message and what is missing, so the
 * screen can prompt for it. Only a broker_admin can force a guard, with a reason that goes to the
 * follow-up's journal and to the audit log.
 */
export async function transitionFollowup(db: DbOrTx, actor: Actor & { role: Role }, id: string, input: TransitionInput, now: Date) {
  return mutateFollowup(db, actor, id, { now, expectedVersion: input.expectedVersion }, async (tx, agg) => {
    const { followup } = agg;
    const callbackAt = input.event === "client_unavailable" ? { callbackAt: input.callbackAt ?? null } : {};
    const override = input.override ? { role: actor.role, reason: input.override.reason } : undefined;
    const decision = canTransition(followup.state, input.event, guardContextOf(agg, now, callbackAt), override);
    if (!decision.ok) {
      throw new AppError("transition_refused", {
        message: decision.message,
        details: { code: decision.code, missing: decision.missing, missingLabels: decision.missingLabels },
      });
    }

    // The channel is what the agent chose, or nothing: a default would put words in the journal ("Téléphone fixe").
    const contact = CONTACT_EVENTS.includes(input.event)
      ? {
          name: input.contact?.name?.trim() || clientDisplayName(agg.client),
          channel: input.contact?.channel ?? null,
          at: now.toISOString(),
          availability: input.event === "client_available" ? "available" : input.event === "client_unavailable" ? "callback" : null,
        }
      : undefined;
    const patch: FollowupPatch = { state: decision.to };
    if (input.event === "client_available" && !followup.reachedAt) patch.reachedAt = now;
    if (input.event === "close") patch.closedAt = now;

    if (input.event === "client_unavailable" && input.callbackAt) {
      const at = new Date(input.callbackAt);
      patch.callbackAt = at;
      // The callback is also an action due that day: it shows in "Mes actions" and gets its reminder mail.
      await tx.insert(followupActions).values({
        orgId: actor.orgId,
        followupId: id,
        clientId: followup.clientId,
        kind: "follow_up",
        origin: "callback",
        dueDate: parisToday(at),
        ownerId: followup.assignedTo ?? (actor.userId as string),
        note: callbackNote(agg.client, at),
      });
    }
    if (input.event === "callback_due") {
      await tx
        .update(followupActions)
        .set({ status: "done", doneAt: now })
        .where(and(eq(followupActions.followupId, id), eq(followupActions.origin, "callback"), eq(followupActions.status, "open")));
    }

    const audit = [];
    if (decision.overridden) {
      audit.push({
        action: "followup.transition_forced",
        entityType: "followup",
        entityId: id,
        data: {
          event: input.event,
          from: followup.state,
          to: decision.to,
          liftedGuards: decision.overridden.codes,
          reason: decision.overridden.reason,
        },
      });
    }
    if (input.event === "close") {
      audit.push({
        action: "followup.closed",
        entityType: "followup",
        entityId: id,
        data: { clientId: followup.clientId, victory: isVictory(followup.closing), forced: Boolean(decision.overridden) },
      });
    }
    return {
      patch,
      steps: [
        {
          kind: "transition",
          fromState: followup.state,
          toState: decision.to,
          overrideReason: decision.overridden?.reason ?? null,
          data: {
            event: input.event,
            ...(contact ? { contact } : {}),
            ...(input.callbackAt ? { callbackAt: new Date(input.callbackAt).toISOString() } : {}),
            ...(input.note?.trim() ? { note: input.note.trim() } : {}),
            ...(decision.overridden ? { liftedGuards: decision.overridden.codes } : {}),
          },
        },
      ],
      audit,
      result: { from: followup.state, to: decision.to, overridden: decision.overridden ?? null },
    };
  });
}
