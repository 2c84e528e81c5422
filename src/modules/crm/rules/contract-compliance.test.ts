import { describe, expect, it } from "vitest";
import {
  type ClientContract,
  type ContractValidation,
  contractValidationIssues,
  isContractValidationComplete,
  missingDocuments,
  proposedMissingItems,
} from "./contract-compliance";

const auto: ClientContract = { id: "c1", productLine: "auto", isOurs: true, dpSigned: true };
const mrh: ClientContract = { id: "c2", productLine: "habitation", isOurs: true, dpSigned: false };
const elsewhere: ClientContract = { id: "x1", productLine: "sante", isOurs: false, insurerName: "MGEN" };

describe("isContractValidationComplete", () => {
  it("true when every contract of ours is signed; external contracts are ignored", () => {
    const validations: ContractValidation[] = [
      { contractId: "c1", status: "signed" },
      { contractId: "c2", status: "signed" },
    ];
    expect(isContractValidationComplete([auto, mrh, elsewhere], validations)).toBe(true);
  });

  it("false while a contract of ours has no status", () => {
    expect(isContractValidationComplete([auto, mrh], [{ contractId: "c1", status: "signed" }])).toBe(false);
    expect(contractValidationIssues([auto, mrh], [{ contractId: "c1", status: "signed" }])).toEqual([
      { contractId: "c2", code: "not_reviewed", message: expect.stringContaining("Habitation") },
    ]);
  });

  it("not signed: needs at least one missing item, each with a nature and a recovery mode", () => {
    const check = (v: ContractValidation) => contractValidationIssues([auto], [v]).map((i) => i.code);
    expect(check({ contractId: "c1", status: "missing_document" })).toEqual(["missing_items_required"]);
    expect(check({ contractId: "c1", status: "to_follow_up", missingItems: [] })).toEqual(["missing_items_required"]);
    expect(check({ contractId: "c1", status: "missing_document", missingItems: [{ kind: "document", label: "Carte grise" }] })).toEqual([
      "recovery_mode_required",
    ]);
    expect(
      check({
        contractId: "c1",
        status: "missing_document",
        missingItems: [{ kind: "other", label: " ", recoveryMode: "courrier" }],
      }),
    ).toEqual(["missing_item_label_required"]);
    expect(
      check({
        contractId: "c1",
        status: "to_follow_up",
        missingItems: [
          { kind: "signature", key: "dp", label: "Signature des DP", recoveryMode: "signature_electronique" },
          { kind: "document", key: "carte_grise", label: "Carte grise", recoveryMode: "email" },
        ],
      }),
    ).toEqual([]);
  });

  it("is complete when we hold no contract at all", () => {
    expect(isContractValidationComplete([elsewhere], [])).toBe(true);
  });
});

describe("proposedMissingItems", () => {
  it("pre-fills unsigned DP, unsigned quote, missing documents and pending instances from the GED", () => {
    const contract: ClientContract = {
      ...mrh,
      quoteSigned: false,
      documentsProvided: ["cni"],
      pendingInstances: ["Attestation de l'ancien assureur"],
    };
    expect(missingDocuments(contract).map((d) => d.key)).toEqual(["bail_ou_titre"]);
    expect(proposedMissingItems(contract)).toEqual([
      { kind: "signature", key: "dp", label: "Signature des dispositions particulières" },
      { kind: "signature", key: "quote", label: "Signature du devis / projet" },
      { kind: "document", key: "bail_ou_titre", label: "Bail ou titre de propriété" },
      { kind: "other", label: "Attestation de l'ancien assureur" },
    ]);
  });

  it("proposes nothing for a signed contract with every piece", () => {
    const complete: ClientContract = {
      ...auto,
      documentsProvided: ["carte_grise", "permis_conduire", "releve_information", "cni"],
    };
    expect(proposedMissingItems(complete)).toEqual([]);
  });
});
