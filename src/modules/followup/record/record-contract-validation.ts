import type { DbOrTx } from "../../../platform/db/client";
import { AppError, validationError } from "../../../platform/errors";
import { CONTRACT_VALIDATION_STATUS_LABELS, type ContractValidation, contractName } from "../../crm/rules/contract-compliance";
import { recordingOpenIn } from "../rules/call-screen";
import { type Actor, mutateFollowup } from "../write-followup";

const CONTRACTS_OPEN_IN = recordingOpenIn("contracts");

/**
 * Signé / Pièce manquante / À relancer for one contract of ours, with the missing items and how
 * they will be recovered. The shape is free here; what blocks the next step is the guard's call.
 */
export async function recordContractValidation(db: DbOrTx, actor: Actor, id: string, validation: ContractValidation, now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: CONTRACTS_OPEN_IN, what: "La validation des contrats" }, async (_tx, agg) => {
    const contract = agg.contracts.find((c) => c.id === validation.contractId && c.isOurs);
    if (!contract) {
      throw new AppError("validation_error", {
        field: "contractId",
        message: "Ce contrat n'est pas un contrat de ce client souscrit à l'agence",
      });
    }
    // Refused now rather than at "Contrats validés": the agent is still on this contract, with the client.
    if (validation.status !== "signed" && (validation.missingItems ?? []).length === 0) {
      throw validationError([
        {
          field: "missingItems",
          message:
            `${contractName(contract)} : « ${CONTRACT_VALIDATION_STATUS_LABELS[validation.status]} » sans élément manquant nommé. ` +
            "Ajoutez au moins un élément (pièce, signature…) avec son mode de récupération.",
        },
      ]);
    }
    // "Signé" clears any list typed before: the contract is complete, a stale list would only mislead.
    const after: ContractValidation =
      validation.status === "signed"
        ? { contractId: contract.id, status: "signed", note: validation.note ?? null }
        : { ...validation, contractId: contract.id, missingItems: validation.missingItems ?? [] };
    const previous = agg.followup.contractValidations.find((v) => v.contractId === contract.id) ?? null;
    const validations = [...agg.followup.contractValidations.filter((v) => v.contractId !== contract.id), after];
    return {
      patch: { contractValidations: validations },
      steps: [
        { kind: "contract_validation", data: { contractId: contract.id, productLine: contract.productLine, before: previous, after } },
      ],
      result: after,
    };
  });
}
