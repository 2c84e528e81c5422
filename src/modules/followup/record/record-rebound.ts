import type { DbOrTx } from "../../../platform/db/client";
import { validationError } from "../../../platform/errors";
import { productLineLabel } from "../../crm/rules/product-lines";
import { recordingOpenIn } from "../rules/call-screen";
import { MAX_RETAINED_GAPS, type ReboundRecord } from "../rules/model";
import { type Actor, mutateFollowup } from "../write-followup";

const REBOUND_OPEN_IN = recordingOpenIn("rebound");

/**
 * The commercial rebound as a whole: inventory "chez nous / ailleurs" line by line, "aucun autre
 * assureur", and the gaps kept for this call. Recorded only once both admin steps are done, which
 * is the spec's guard-rail against a call that opens on a sale.
 */
export async function recordRebound(db: DbOrTx, actor: Actor, id: string, rebound: ReboundRecord, now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: REBOUND_OPEN_IN, what: "Le rebond commercial" }, async (_tx, agg) => {
    const after: ReboundRecord = {
      lines: rebound.lines ?? [],
      noOtherInsurer: rebound.noOtherInsurer ?? false,
      retainedGaps: [...new Set(rebound.retainedGaps ?? [])],
    };
    // Spec 002 §8 guard-rail, enforced as the fourth gap is recorded (not only at "Bilan terminé"), for every role.
    const kept = after.retainedGaps ?? [];
    if (kept.length > MAX_RETAINED_GAPS) {
      throw validationError([
        {
          field: "retainedGaps",
          message:
            `Manques retenus : ${MAX_RETAINED_GAPS} au maximum par appel, ${kept.length} envoyés ` +
            `(${kept.map(productLineLabel).join(", ")}). Retirez-en un avant d'en retenir un autre.`,
        },
      ]);
    }
    return {
      patch: { rebound: after, retainedGaps: after.retainedGaps?.length ?? 0 },
      steps: [{ kind: "rebound", data: { before: agg.followup.rebound ?? null, after } }],
      result: after,
    };
  });
}
