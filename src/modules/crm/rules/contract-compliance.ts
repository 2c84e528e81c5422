import { formatFrenchDate } from "../../catalogue/rules/dates";
import { type ProductLine, productLineLabel, requiredDocuments, type SupportingDocument } from "./product-lines";

/**
 * Contract conformity: what the GED says before the call, and what the agent records during it.
 * The M+3 must not reach the commercial rebound while a contract of ours is neither signed nor
 * has its gaps listed with a way to recover them (spec 002 §4.4, §7).
 */

export interface ClientContract {
  id: string;
  productLine: ProductLine;
  /** Free reformulation of what was subscribed, e.g. "tous risques en zone urbaine". */
  summary?: string | null;
  /** false = declared by the client as held with another insurer (bilan global). */
  isOurs: boolean;
  insurerName?: string | null;
  /** The contract's number (n° de police) in the CRM it comes from. */
  externalRef?: string | null;
  startDate?: string | null;
  /** Dispositions particulières signed. */
  dpSigned?: boolean | null;
  /** undefined/null = no quote or project awaiting signature on this contract. */
  quoteSigned?: boolean | null;
  /** Keys of the supporting documents present in the GED. */
  documentsProvided?: readonly string[];
  /** Pending "instances" (items the insurer still waits for), free text. */
  pendingInstances?: readonly string[];
}

export const CONTRACT_VALIDATION_STATUS_OPTIONS = [
  { value: "signed", label: "Signé" },
  { value: "missing_document", label: "Pièce manquante" },
  { value: "to_follow_up", label: "À relancer" },
] as const;
export type ContractValidationStatus = (typeof CONTRACT_VALIDATION_STATUS_OPTIONS)[number]["value"];
export const CONTRACT_VALIDATION_STATUS_LABELS: Record<ContractValidationStatus, string> = {
  signed: "Signé",
  missing_document: "Pièce manquante",
  to_follow_up: "À relancer",
};

export const RECOVERY_MODE_OPTIONS = [
  { value: "email", label: "E-mail" },
  { value: "courrier", label: "Courrier" },
  { value: "passage_agence", label: "Passage en agence" },
  { value: "signature_electronique", label: "Signature électronique" },
  { value: "espace_client", label: "Dépôt sur l'espace client" },
] as const;
export type RecoveryMode = (typeof RECOVERY_MODE_OPTIONS)[number]["value"];
export const RECOVERY_MODE_LABELS: Record<RecoveryMode, string> = {
  email: "E-mail",
  courrier: "Courrier",
  passage_agence: "Passage en agence",
  signature_electronique: "Signature électronique",
  espace_client: "Dépôt sur l'espace client",
};

export type MissingItemKind = "document" | "signature" | "other";

export interface MissingItem {
  kind: MissingItemKind;
  /** Document key, "dp" / "quote" for signatures; absent for free "other" items. */
  key?: string;
  label: string;
  recoveryMode?: RecoveryMode | null;
}

export interface ContractValidation {
  contractId: string;
  status: ContractValidationStatus;
  missingItems?: readonly MissingItem[];
  note?: string | null;
}

export function isOurContract(contract: Pick<ClientContract, "isOurs">): boolean {
  return contract.isOurs;
}

export function missingDocuments(contract: ClientContract): SupportingDocument[] {
  const provided = new Set(contract.documentsProvided ?? []);
  return requiredDocuments(contract.productLine).filter((doc) => !provided.has(doc.key));
}

export const SIGNATURE_LABELS = {
  dp: "Signature des dispositions particulières",
  quote: "Signature du devis / projet",
} as const;

/** Pre-fills the "pièce manquante" list from the GED so the agent only confirms during the call. */
export function proposedMissingItems(contract: ClientContract): MissingItem[] {
  const items: MissingItem[] = [];
  if (contract.dpSigned !== true) items.push({ kind: "signature", key: "dp", label: SIGNATURE_LABELS.dp });
  if (contract.quoteSigned === false) items.push({ kind: "signature", key: "quote", label: SIGNATURE_LABELS.quote });
  for (const doc of missingDocuments(contract)) items.push({ kind: "document", key: doc.key, label: doc.label });
  for (const instance of contract.pendingInstances ?? []) {
    if (instance.trim()) items.push({ kind: "other", label: instance.trim() });
  }
  return items;
}

export type ContractValidationIssueCode =
  | "not_reviewed"
  | "missing_items_required"
  | "missing_item_label_required"
  | "recovery_mode_required";

export interface ContractValidationIssue {
  contractId: string;
  code: ContractValidationIssueCode;
  message: string;
}

/**
 * How the agent and the client name a contract: its product and its number ("Contrat Auto n° POL-500012"),
 * or its start date when the CRM gave it no number. Never its internal id.
 */
export function contractName(contract: Pick<ClientContract, "productLine" | "externalRef" | "startDate">): string {
  const label = `Contrat ${productLineLabel(contract.productLine)}`;
  if (contract.externalRef?.trim()) return `${label} n° ${contract.externalRef.trim()}`;
  return contract.startDate ? `${label} (effet le ${formatFrenchDate(contract.startDate)})` : `${label} (sans numéro)`;
}

/** Every reason a contract of ours blocks the step; empty means the step may be left. */
export function contractValidationIssues(
  contracts: readonly ClientContract[],
  validations: readonly ContractValidation[],
): ContractValidationIssue[] {
  const byContract = new Map(validations.map((v) => [v.contractId, v]));
  const issues: ContractValidationIssue[] = [];
  for (const contract of contracts.filter(isOurContract)) {
    const name = contractName(contract);
    const validation = byContract.get(contract.id);
    const issue = (code: ContractValidationIssueCode, message: string) => issues.push({ contractId: contract.id, code, message });
    if (!validation) {
      issue("not_reviewed", `${name} : statut non renseigné (Signé, Pièce manquante ou À relancer)`);
      continue;
    }
    if (validation.status === "signed") continue;
    const items = validation.missingItems ?? [];
    if (items.length === 0) {
      issue("missing_items_required", `${name} : lister les éléments manquants`);
      continue;
    }
    if (items.some((item) => !item.label.trim())) {
      issue("missing_item_label_required", `${name} : préciser la nature de chaque élément manquant`);
    }
    if (items.some((item) => !item.recoveryMode)) {
      issue("recovery_mode_required", `${name} : indiquer le mode de récupération de chaque élément manquant`);
    }
  }
  return issues;
}

/**
 * True when every contract of ours is signed, or has at least one missing item listed, each with
 * a recovery mode. Contracts held elsewhere are ignored. With no contract of ours the step is
 * complete: blocking a follow-up forever on absent data would only push agents to fake a validation.
 */
export function isContractValidationComplete(contracts: readonly ClientContract[], validations: readonly ContractValidation[]): boolean {
  return contractValidationIssues(contracts, validations).length === 0;
}
