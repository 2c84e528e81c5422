import type { DbOrTx } from "../../../platform/db/client";
import { AppError } from "../../../platform/errors";
import { fieldMessages } from "../../../platform/field-messages";
import { type ClientPatchInput, clientPatchSchema, updateClient } from "../../crm";
import { checklistFor, isRecordFullyQualified, type ReviewStatus } from "../../crm/rules/checklist";
import { effectiveClientType, reviewStatuses } from "../guard-context";
import { recordingOpenIn } from "../rules/call-screen";
import type { ChecklistReview } from "../schema";
import { type Actor, mutateFollowup } from "../write-followup";

export type AddressValue = { addressLine?: string | null; postalCode?: string | null; city?: string | null };

export interface ChecklistReviewInput {
  key: string;
  status: ReviewStatus;
  /** The corrected value, required with "modified": text, number, an id, or the address parts. */
  value?: string | number | AddressValue | null;
}

const CHECKLIST_OPEN_IN = recordingOpenIn("checklist");

function invalid(field: string, message: string): AppError {
  return new AppError("validation_error", { field, message, details: [{ field, message }] });
}

/** The CRM patch a "Modifié" answer stands for; the address is three stored columns. */
function patchFor(clientPath: string, value: ChecklistReviewInput["value"], field: string): ClientPatchInput {
  let patch: Record<string, unknown>;
  if (clientPath === "mailingAddress") {
    if (!value || typeof value !== "object") throw invalid(field, "Adresse attendue : rue, code postal et commune");
    patch = { addressLine: value.addressLine ?? null, postalCode: value.postalCode ?? null, city: value.city ?? null };
  } else {
    patch = { [clientPath]: typeof value === "string" && value.trim() === "" ? null : value };
  }
  // The CRM's own field shapes (enum values, integer counts, uuids), so both screens accept the same values.
  const parsed = clientPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const [first] = fieldMessages(clientPatchSchema, parsed.error.issues, patch);
    throw invalid(field, first?.message ?? "Valeur invalide pour ce champ de la fiche");
  }
  return parsed.data;
}

/**
 * Confirmé / Modifié / Non communiqué on checklist items. A "Modifié" updates the client through the
 * CRM (PATCH: only that field, normalised and checked there) and keeps the value before and after;
 * every answer keeps who and when. The "fiche 100 % qualifiée" flag follows the answers.
 */
export async function recordChecklistReviews(db: DbOrTx, actor: Actor, id: string, reviews: ChecklistReviewInput[], now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: CHECKLIST_OPEN_IN, what: "La mise à jour de la fiche client" }, async (tx, agg) => {
    const effective = effectiveClientType(agg);
    const items = checklistFor(effective.type, effective.isTns);
    const stored: Record<string, ChecklistReview> = { ...agg.followup.checklistReviews };
    const journal: Record<string, unknown>[] = [];
    let client = agg.client;

    for (const [index, review] of reviews.entries()) {
      const field = `reviews.${index}.value`;
      const item = items.find((i) => i.key === review.key);
      if (!item) throw invalid(`reviews.${index}.key`, `« ${review.key} » ne fait pas partie de la fiche de ce client`);
      const before = client[item.clientPath] ?? null;
      let after: unknown = before;
      if (review.status === "modified") {
        if (review.value === undefined) throw invalid(field, `${item.label} : saisissez la nouvelle valeur`);
        const updated = await updateClient(tx, actor, client.id, patchFor(item.clientPath, review.value, field), now);
        client = updated.client;
        after = client[item.clientPath] ?? null;
      }
      const entry: ChecklistReview = { status: review.status, by: actor.userId ?? "", at: now.toISOString() };
      if (review.status === "modified") Object.assign(entry, { before, after });
      stored[item.key] = entry;
      journal.push({ key: item.key, label: item.label, status: review.status, ...(review.status === "modified" ? { before, after } : {}) });
    }

    const statuses = { ...reviewStatuses(agg), ...Object.fromEntries(Object.entries(stored).map(([k, r]) => [k, r.status])) };
    return {
      patch: { checklistReviews: stored, recordQualified: isRecordFullyQualified(effective.type, effective.isTns, statuses) },
      steps: [{ kind: "checklist_review", data: { items: journal } }],
      result: null,
    };
  });
}
