import type { DbOrTx } from "../../../platform/db/client";
import { validationError } from "../../../platform/errors";
import { checklistFor, REVIEW_STATUS_LABELS } from "../../crm/rules/checklist";
import { effectiveClientType, reviewStatuses } from "../guard-context";
import type { FollowupAggregate } from "../load-followup";
import type { ClosingCriteriaRecord } from "../rules/closing";
import { type Actor, mutateFollowup } from "../write-followup";

/** Checklist points that keep the record from being "100 % qualifiée": not reviewed, or "Non communiqué". */
function unqualifiedPoints(agg: FollowupAggregate): string[] {
  const { type, isTns } = effectiveClientType(agg);
  const statuses = reviewStatuses(agg);
  return checklistFor(type, isTns)
    .filter((item) => statuses[item.key] !== "confirmed" && statuses[item.key] !== "modified")
    .map((item) => {
      const status = statuses[item.key];
      return `${item.label} (${status ? REVIEW_STATUS_LABELS[status] : "non vérifié"})`;
    });
}

/**
 * The four "victory" criteria of spec 003, answered oui / non. Only the keys sent change (PATCH):
 * "carte envoyée" is normally set by the send itself and must survive a later answer. "Fiche 100 %
 * qualifiée" cannot be answered oui while the checklist says otherwise: the measures count the checklist.
 */
export async function recordClosingCriteria(db: DbOrTx, actor: Actor, id: string, input: ClosingCriteriaRecord, now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: ["action_plan"], what: "Les critères de clôture" }, async (_tx, agg) => {
    if (input.recordFullyQualified === true) {
      const points = unqualifiedPoints(agg);
      if (points.length > 0) {
        throw validationError([
          {
            field: "recordFullyQualified",
            message: `Fiche client 100 % qualifiée : impossible de répondre Oui tant que ces points de la fiche ne sont ni confirmés ni modifiés : ${points.join(", ")}.`,
          },
        ]);
      }
    }
    const before = agg.followup.closing ?? {};
    const sent = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after: ClosingCriteriaRecord = { ...before, ...sent };
    if (after.contactCardSent === false) after.contactCardChannel = null;
    return { patch: { closing: after }, steps: [{ kind: "closing_criteria", data: { before, after } }], result: after };
  });
}
