import { CHECKLISTS, type ChecklistItem, type ChecklistPriority, type ChecklistReviews, type ReviewStatus } from "./checklist-items";
import { type ClientPath, type ClientRecord, type ClientType, isBlank } from "./client-model";
import { type ClientContract, contractName, isOurContract, missingDocuments, SIGNATURE_LABELS } from "./contract-compliance";
import { type TnsDetection, tnsDetection } from "./tns";

export * from "./checklist-items";

// Rules over the checklist: what blocks the profile step, and the pre-call "à valider / à compléter" list.

/** A TNS filed as particulier is checked as a pro: the record has to be requalified anyway. */
export function checklistTypeFor(clientType: ClientType, isTns: boolean): ClientType {
  return clientType === "particulier" && isTns ? "professionnel" : clientType;
}

export function checklistFor(clientType: ClientType, isTns: boolean): readonly ChecklistItem[] {
  return CHECKLISTS[checklistTypeFor(clientType, isTns)];
}

export function isItemReviewed(item: ChecklistItem, status: ReviewStatus | undefined): boolean {
  if (status === undefined) return false;
  return !(item.mandatory && status === "not_provided");
}

/** Keys of the items still blocking the profile step, in checklist order. */
export function checklistMissing(clientType: ClientType, isTns: boolean, reviews: ChecklistReviews): string[] {
  return checklistFor(clientType, isTns)
    .filter((item) => !isItemReviewed(item, reviews[item.key]))
    .map((item) => item.key);
}

export function isChecklistComplete(clientType: ClientType, isTns: boolean, reviews: ChecklistReviews): boolean {
  return checklistMissing(clientType, isTns, reviews).length === 0;
}

/** "Fiche 100 % qualifiée": every item confirmed or modified, none left "non communiqué". */
export function isRecordFullyQualified(clientType: ClientType, isTns: boolean, reviews: ChecklistReviews): boolean {
  return checklistFor(clientType, isTns).every((item) => {
    const status = reviews[item.key];
    return status === "confirmed" || status === "modified";
  });
}

// ---------------------------------------------------------------------------------------------
// Preparation (spec 002 §4.1): "à valider / à compléter", computed before the call.

export type PreparationKind = "to_complete" | "to_validate";
export const PREPARATION_KIND_LABELS: Record<PreparationKind, string> = {
  to_complete: "À compléter",
  to_validate: "À valider",
};

export type PreparationCategory = "client_type" | "profile" | "signature" | "document" | "instance";

export interface PreparationItem {
  /** Stable within a follow-up: "profile:phone", "document:<contractId>:carte_grise"… */
  id: string;
  kind: PreparationKind;
  category: PreparationCategory;
  label: string;
  reason: string;
  priority: ChecklistPriority;
  clientPath?: ClientPath;
  contractId?: string;
  documentKey?: string;
}

const KIND_ORDER: Record<PreparationKind, number> = { to_complete: 0, to_validate: 1 };

/**
 * Prioritised list: everything to complete (empty fields, TNS requalification, unsigned
 * contracts, missing pieces, pending instances) before everything merely to validate, then by
 * priority, then in checklist order (the order the agent walks through on the phone).
 */
export function preparationChecklist(
  client: ClientRecord,
  contracts: readonly ClientContract[],
  tns: TnsDetection | null = tnsDetection(client),
): PreparationItem[] {
  const items: PreparationItem[] = [];

  if (tns) {
    items.push({
      id: "client_type:tns",
      kind: "to_complete",
      category: "client_type",
      label: tns.certainty === "sure" ? "Passer la fiche en client pro / TNS" : "Vérifier le statut TNS du client",
      reason: `${tns.reason} ; avant le rebond commercial : passer la fiche en pro / TNS avec le bon chargé de clientèle, ou écarter avec un motif`,
      priority: 1,
    });
  }

  const effectiveType = checklistTypeFor(client.type, client.isTns || tns !== null);
  for (const item of CHECKLISTS[effectiveType]) {
    const missing = isBlank(client[item.clientPath]);
    items.push({
      id: `profile:${item.key}`,
      kind: missing ? "to_complete" : "to_validate",
      category: "profile",
      label: item.label,
      reason: missing ? "Information absente de la fiche" : "Information présente, à faire confirmer par le client",
      priority: item.priority,
      clientPath: item.clientPath,
    });
  }

  for (const contract of contracts.filter(isOurContract)) {
    const name = contractName(contract);
    const base = { kind: "to_complete" as const, contractId: contract.id };
    if (contract.dpSigned !== true) {
      items.push({
        ...base,
        id: `signature:${contract.id}:dp`,
        category: "signature",
        label: `${name} : ${SIGNATURE_LABELS.dp.toLowerCase()}`,
        reason: "Dispositions particulières non signées",
        priority: 1,
      });
    }
    if (contract.quoteSigned === false) {
      items.push({
        ...base,
        id: `signature:${contract.id}:quote`,
        category: "signature",
        label: `${name} : ${SIGNATURE_LABELS.quote.toLowerCase()}`,
        reason: "Devis / projet non signé",
        priority: 1,
      });
    }
    for (const doc of missingDocuments(contract)) {
      items.push({
        ...base,
        id: `document:${contract.id}:${doc.key}`,
        category: "document",
        label: `${name} : ${doc.label}`,
        reason: `Pièce manquante dans la GED : ${doc.label}`,
        priority: 1,
        documentKey: doc.key,
      });
    }
    (contract.pendingInstances ?? []).forEach((instance, index) => {
      if (!instance.trim()) return;
      items.push({
        ...base,
        id: `instance:${contract.id}:${index}`,
        category: "instance",
        label: `${name} : ${instance.trim()}`,
        reason: "Instance en attente",
        priority: 2,
      });
    });
  }

  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] || a.item.priority - b.item.priority || a.index - b.index)
    .map(({ item }) => item);
}
