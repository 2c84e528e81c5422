import { describe, expect, it } from "vitest";
import { sampleFieldValues } from "./samples";
import { validateProductFields } from "./validate-fields";

const NOW = new Date("2026-11-21T09:15:00Z");

function codes(slug: string, fields: Record<string, unknown>, now = NOW) {
  return Object.fromEntries(validateProductFields(slug, fields, now).reasons.map((r) => [r.field, r.code]));
}

describe("validateProductFields", () => {
  it("reports an unknown product on the product field", () => {
    const r = validateProductFields("assurance-yacht", {}, NOW);
    expect(r.ok).toBe(false);
    expect(r.reasons).toEqual([expect.objectContaining({ code: "product_unknown", field: "product" })]);
  });

  it("reports each reason code with the field path and a French message", () => {
    const r = validateProductFields(
      "credit-immobilier",
      {
        typeProjet: "chateau",
        montantProjet: -5,
        apport: "peut-être",
        situationProfessionnelle: "salarie-prive",
        revenusMensuelsNets: 3000,
      },
      NOW,
    );
    expect(r.ok).toBe(false);
    expect(r.reasons.map((x) => [x.field, x.code])).toEqual([
      ["fields.typeProjet", "field_invalid_option"],
      ["fields.montantProjet", "field_out_of_bounds"],
      ["fields.apport", "field_invalid"],
      ["fields.delaiProjet", "field_missing"],
    ]);
    expect(r.reasons[0]?.message).toContain("Valeur hors des options autorisées");
    expect(r.reasons[0]?.message).toContain("residence-principale");
    expect(r.reasons[3]?.message).toBe("Champ obligatoire manquant : Délai du projet");
    expect(r.values).toEqual({ situationProfessionnelle: "salarie-prive", revenusMensuelsNets: 3000 });
  });

  it("collects every problem at once, including missing fields next to aborting type errors", () => {
    expect(codes("assurance-emprunteur", { age: 40.5, montantPret: "deux cent mille", dateSignaturePret: "31/12/2025" })).toEqual({
      "fields.typeDemande": "field_missing",
      "fields.dateSignaturePret": "field_invalid",
      "fields.montantPret": "field_invalid",
      "fields.age": "field_invalid",
      "fields.fumeur": "field_missing",
    });
    expect(Object.keys(codes("rc-decennale", {}))).toHaveLength(4);
  });

  it("treats blank strings, null and empty lists as missing", () => {
    expect(codes("rc-decennale", { corpsMetier: "   ", dateCreationEntreprise: null, chiffreAffaires: "", zoneIntervention: [] })).toEqual({
      "fields.corpsMetier": "field_missing",
      "fields.dateCreationEntreprise": "field_missing",
      "fields.chiffreAffaires": "field_missing",
      "fields.zoneIntervention": "field_missing",
    });
  });

  it("accepts typed JSON, drops unknown keys and trims text", () => {
    const r = validateProductFields(
      "credit-professionnel",
      { statut: "creation", typeActivite: "  Food truck ", montantRecherche: 45_000.5, usage: "materiel", extra: "x" },
      NOW,
    );
    expect(r).toEqual({
      ok: true,
      reasons: [],
      values: { statut: "creation", typeActivite: "Food truck", montantRecherche: 45_000.5, usage: "materiel" },
    });
  });

  it("rejects numbers sent as strings and amounts with more than 2 decimals", () => {
    const base = sampleFieldValues("rachat-credits", NOW);
    expect(codes("rachat-credits", { ...base, nombreCredits: "3" })).toEqual({ "fields.nombreCredits": "field_invalid" });
    expect(codes("rachat-credits", { ...base, mensualitesActuelles: 10.005 })).toEqual({
      "fields.mensualitesActuelles": "field_invalid",
    });
    expect(codes("rachat-credits", { ...base, nombreCredits: 0 })).toEqual({ "fields.nombreCredits": "field_out_of_bounds" });
  });

  it("requires ancienneteEntreprise only for an existing company", () => {
    const base = { typeActivite: "Garage", montantRecherche: 80_000, usage: "local" };
    expect(validateProductFields("credit-professionnel", { ...base, statut: "creation" }, NOW).ok).toBe(true);
    expect(codes("credit-professionnel", { ...base, statut: "existante" })).toEqual({
      "fields.ancienneteEntreprise": "field_missing",
    });
    expect(validateProductFields("credit-professionnel", { ...base, statut: "existante", ancienneteEntreprise: 0 }, NOW).ok).toBe(true);
    // Optional when not required, but still checked when given.
    expect(codes("credit-professionnel", { ...base, statut: "creation", ancienneteEntreprise: -1 })).toEqual({
      "fields.ancienneteEntreprise": "field_out_of_bounds",
    });
  });

  it("accepts band values only", () => {
    const base = sampleFieldValues("defiscalisation", NOW);
    expect(validateProductFields("defiscalisation", { ...base, montantImpot: "ne-sait-pas" }, NOW).ok).toBe(true);
    expect(codes("defiscalisation", { ...base, montantImpot: "beaucoup" })).toEqual({ "fields.montantImpot": "field_invalid_option" });
    expect(codes("defiscalisation", { ...base, capaciteInvestissement: 50_000 })).toEqual({
      "fields.capaciteInvestissement": "field_invalid",
    });
  });

  it("evaluates date bounds against the injected now, in Paris days", () => {
    const base = sampleFieldValues("assurance-auto", NOW);
    const at = (dateEcheance: string, now: Date) => codes("assurance-auto", { ...base, dateEcheance }, now);
    expect(at("2027-11-22", NOW)).toEqual({}); // today + 366 days
    expect(at("2027-11-23", NOW)).toEqual({ "fields.dateEcheance": "field_out_of_bounds" });
    expect(at("2027-11-23", new Date("2026-11-22T09:00:00Z"))).toEqual({});
    expect(at("2026-10-21", NOW)).toEqual({}); // today - 31 days
    expect(at("2026-10-20", NOW)).toEqual({ "fields.dateEcheance": "field_out_of_bounds" });
    // 23:30 UTC on the 21st is already the 22nd in Paris.
    expect(at("2026-10-21", new Date("2026-11-21T23:30:00Z"))).toEqual({ "fields.dateEcheance": "field_out_of_bounds" });
    expect(at("2027-02-30", NOW)).toEqual({ "fields.dateEcheance": "field_invalid" });
    expect(at("2027-02-03T00:00:00Z", NOW)).toEqual({ "fields.dateEcheance": "field_invalid" });
  });

  it("normalizes and checks département lists", () => {
    const base = sampleFieldValues("rc-decennale", NOW);
    const r = validateProductFields("rc-decennale", { ...base, zoneIntervention: ["2a", 6, "13", "13"] }, NOW);
    expect(r.values.zoneIntervention).toEqual(["2A", "06", "13"]);
    expect(codes("rc-decennale", { ...base, zoneIntervention: ["13", "20", "99"] })).toEqual({
      "fields.zoneIntervention": "field_invalid_option",
    });
    expect(validateProductFields("rc-decennale", { ...base, zoneIntervention: ["13", "20"] }, NOW).reasons[0]?.message).toContain("20");
    expect(codes("rc-decennale", { ...base, zoneIntervention: "13, 83" })).toEqual({ "fields.zoneIntervention": "field_invalid" });
    expect(codes("rc-decennale", { ...base, zoneIntervention: [true] })).toEqual({ "fields.zoneIntervention": "field_invalid" });
  });

  it("bounds text length and the bonus/malus coefficient", () => {
    const auto = sampleFieldValues("assurance-auto", NOW);
    expect(codes("assurance-auto", { ...auto, bonusMalus: 0.49 })).toEqual({ "fields.bonusMalus": "field_out_of_bounds" });
    expect(codes("assurance-auto", { ...auto, bonusMalus: 1.255 })).toEqual({ "fields.bonusMalus": "field_invalid" });
    const pro = sampleFieldValues("rc-pro", NOW);
    expect(codes("rc-pro", { ...pro, activite: "x".repeat(201) })).toEqual({ "fields.activite": "field_out_of_bounds" });
  });

  it("tolerates a fields value that is not an object", () => {
    const r = validateProductFields("assurance-animaux", "nope" as unknown as Record<string, unknown>, NOW);
    expect(r.reasons.map((x) => x.code)).toEqual(["field_missing", "field_missing", "field_missing", "field_missing"]);
  });
});
