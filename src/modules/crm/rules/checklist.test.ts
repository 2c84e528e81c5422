import { describe, expect, it } from "vitest";
import { checklistFor, isChecklistComplete, isRecordFullyQualified, preparationChecklist } from "./checklist";
import type { ClientRecord } from "./client-model";
import type { ClientContract } from "./contract-compliance";

const keys = (type: "particulier" | "professionnel" | "entreprise", isTns = false) => checklistFor(type, isTns).map((i) => i.key);

const PERSON = ["last_name", "first_name", "mailing_address", "phone", "email", "marital_status", "professional_status"];
const PRO = ["siret", "naf_code", "legal_form", "activity", "annual_revenue", "headcount"];
const AGENCY = ["agency", "account_manager"];

describe("checklistFor", () => {
  it("particulier: identity, contact, family and job situation, plus agency and account manager", () => {
    expect(keys("particulier")).toEqual([...PERSON, ...AGENCY]);
  });

  it("professionnel adds SIREN/SIRET, NAF, legal form, activity, revenue, headcount", () => {
    expect(keys("professionnel")).toEqual([...PERSON, ...PRO, ...AGENCY]);
  });

  it("entreprise adds the manager and the person handling insurance", () => {
    expect(keys("entreprise")).toEqual([...PERSON, ...PRO, "manager", "insurance_contact", ...AGENCY]);
  });

  it("a TNS particulier is checked as a professionnel", () => {
    expect(keys("particulier", true)).toEqual(keys("professionnel"));
    expect(keys("entreprise", true)).toEqual(keys("entreprise"));
  });

  it("every item has a French label, a client attribute and a priority; keys are unique", () => {
    for (const type of ["particulier", "professionnel", "entreprise"] as const) {
      const items = checklistFor(type, false);
      expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
      for (const item of items) {
        expect(item.label).not.toBe("");
        expect(item.clientPath).not.toBe("");
        expect([1, 2, 3]).toContain(item.priority);
      }
    }
  });
});

describe("isChecklistComplete", () => {
  const all = (status: "confirmed" | "modified" | "not_provided", type: "particulier" | "professionnel" = "particulier") =>
    Object.fromEntries(keys(type).map((k) => [k, status]));

  it("needs every item reviewed, any of the three statuses", () => {
    expect(isChecklistComplete("particulier", false, all("confirmed"))).toBe(true);
    expect(isChecklistComplete("particulier", false, all("modified"))).toBe(true);
    expect(isChecklistComplete("particulier", false, {})).toBe(false);
    const { email: _omit, ...withoutEmail } = all("confirmed");
    expect(isChecklistComplete("particulier", false, withoutEmail)).toBe(false);
    expect(isChecklistComplete("particulier", false, { ...all("confirmed"), email: undefined })).toBe(false);
  });

  it("accepts Non communiqué for client data but not for the agency's own data", () => {
    const reviews = { ...all("not_provided"), agency: "confirmed", account_manager: "modified" } as const;
    expect(isChecklistComplete("particulier", false, reviews)).toBe(true);
    expect(isChecklistComplete("particulier", false, all("not_provided"))).toBe(false);
  });

  it("a TNS particulier must also review the pro items", () => {
    expect(isChecklistComplete("particulier", true, all("confirmed"))).toBe(false);
    expect(isChecklistComplete("particulier", true, all("confirmed", "professionnel"))).toBe(true);
  });

  it("the record is fully qualified only without any Non communiqué", () => {
    expect(isRecordFullyQualified("particulier", false, all("confirmed"))).toBe(true);
    expect(isRecordFullyQualified("particulier", false, { ...all("confirmed"), phone: "not_provided" })).toBe(false);
  });
});

describe("preparationChecklist", () => {
  const client: ClientRecord = {
    type: "particulier",
    isTns: false,
    lastName: "Durand",
    firstName: "Paul",
    mailingAddress: "  ",
    phone: "0612345678",
    email: null,
    maritalStatus: "marie",
    agencyId: "corniche",
    accountManagerId: "u1",
  };
  const contracts: ClientContract[] = [
    {
      id: "c1",
      productLine: "auto",
      externalRef: "POL-1",
      isOurs: true,
      dpSigned: false,
      quoteSigned: false,
      documentsProvided: ["cni", "permis_conduire"],
      pendingInstances: ["Photo du véhicule demandée par l'assureur", " "],
    },
    { id: "c2", productLine: "habitation", isOurs: true, dpSigned: true, documentsProvided: ["cni", "bail_ou_titre"] },
    { id: "x1", productLine: "sante", isOurs: false },
  ];

  it("puts everything to complete first, by priority, then what to validate", () => {
    const items = preparationChecklist(client, contracts);
    const kinds = items.map((i) => i.kind);
    expect(kinds.indexOf("to_validate")).toBeGreaterThan(kinds.lastIndexOf("to_complete"));
    expect(items.filter((i) => i.kind === "to_complete").map((i) => i.id)).toEqual([
      "profile:mailing_address",
      "profile:email",
      "signature:c1:dp",
      "signature:c1:quote",
      "document:c1:carte_grise",
      "document:c1:releve_information",
      "profile:professional_status",
      "instance:c1:0",
    ]);
    expect(items.filter((i) => i.kind === "to_validate").map((i) => i.id)).toEqual([
      "profile:last_name",
      "profile:first_name",
      "profile:phone",
      "profile:agency",
      "profile:account_manager",
      "profile:marital_status",
    ]);
  });

  it("gives each item a French label and reason, with the nature of missing pieces", () => {
    const items = preparationChecklist(client, contracts);
    const doc = items.find((i) => i.id === "document:c1:carte_grise");
    expect(doc).toMatchObject({
      label: "Contrat Auto n° POL-1 : Carte grise (certificat d'immatriculation)",
      category: "document",
      contractId: "c1",
      documentKey: "carte_grise",
    });
    expect(doc?.reason).toContain("Carte grise");
    expect(items.find((i) => i.id === "profile:email")?.reason).toBe("Information absente de la fiche");
    expect(items.find((i) => i.id === "signature:c1:dp")?.reason).toBe("Dispositions particulières non signées");
    expect(items.some((i) => i.contractId === "x1" || i.contractId === "c2")).toBe(false);
  });

  it("flags a TNS filed as particulier first, and checks it against the pro checklist", () => {
    const tns = preparationChecklist({ ...client, professionalStatus: "tns_independant" }, []);
    expect(tns[0]).toMatchObject({ id: "client_type:tns", kind: "to_complete", label: "Passer la fiche en client pro / TNS" });
    expect(tns[0]?.reason).toMatch(/chargé de clientèle, ou écarter avec un motif/);
    expect(tns.some((i) => i.id === "profile:siret")).toBe(true);
    const flagged = preparationChecklist({ ...client, isTns: true }, []);
    expect(flagged[0]?.reason).toMatch(/^Client marqué TNS sur une fiche particulier/);
    // A chef d'entreprise may be a SAS president: asked, not asserted.
    const chef = preparationChecklist({ ...client, professionalStatus: "chef_entreprise" }, []);
    expect(chef[0]).toMatchObject({ id: "client_type:tns", label: "Vérifier le statut TNS du client" });
    const president = preparationChecklist(
      { ...client, professionalStatus: "chef_entreprise", legalForm: "sas", managerRole: "president_dg" },
      [],
    );
    expect(president.some((i) => i.id === "client_type:tns")).toBe(false);
    // Once the detection is set aside (null passed by the follow-up), the particulier checklist applies.
    expect(preparationChecklist({ ...client, professionalStatus: "tns_independant" }, [], null).some((i) => i.id === "profile:siret")).toBe(
      false,
    );
  });

  it("treats 0 as a value (an entreprise with no employee) and blank strings as missing", () => {
    const items = preparationChecklist({ type: "entreprise", isTns: false, headcount: 0, activity: " " }, []);
    expect(items.find((i) => i.id === "profile:headcount")?.kind).toBe("to_validate");
    expect(items.find((i) => i.id === "profile:activity")?.kind).toBe("to_complete");
  });
});
