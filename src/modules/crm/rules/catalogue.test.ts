import { describe, expect, it } from "vitest";
import {
  ageAt,
  CLIENT_ORIGINS,
  CLIENT_TYPES,
  HOUSING_STATUSES,
  MARITAL_STATUS_LABELS,
  nafSectionOf,
  PROFESSIONAL_STATUSES,
} from "./client-model";
import { DOCUMENTS, isProductLine, joinFrench, PRODUCT_LINE_KEYS, PRODUCT_LINES, requiredDocuments } from "./product-lines";

describe("client model", () => {
  it("exposes the slugs of the spec", () => {
    expect(CLIENT_TYPES).toEqual(["particulier", "professionnel", "entreprise"]);
    expect(Object.values(MARITAL_STATUS_LABELS)).toEqual(["Célibataire", "Marié(e)", "Pacsé(e)", "Divorcé(e)", "Veuf(ve)", "Union libre"]);
    expect(PROFESSIONAL_STATUSES).toHaveLength(11);
    expect(HOUSING_STATUSES).toEqual(["proprietaire", "locataire", "heberge"]);
    expect(CLIENT_ORIGINS).toEqual([
      "chalandise",
      "recommandation",
      "apporteur",
      "lead",
      "site",
      "salarie_entreprise_assuree",
      "franchise_reseau_assure",
      "autre",
    ]);
  });

  it("maps NAF codes to their section", () => {
    expect(nafSectionOf("43.21A")).toBe("F");
    expect(nafSectionOf("4120A")).toBe("F");
    expect(nafSectionOf("47.11F")).toBe("G");
    expect(nafSectionOf("01.11Z")).toBe("A");
    expect(nafSectionOf("04.00Z")).toBeUndefined();
    expect(nafSectionOf("")).toBeUndefined();
    expect(nafSectionOf(null)).toBeUndefined();
  });

  it("computes the age on the birthday boundary", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(ageAt("1971-03-01", now)).toBe(55);
    expect(ageAt("1971-03-02", now)).toBe(54);
    expect(ageAt("n/a", now)).toBeUndefined();
    expect(ageAt("2030-01-01", now)).toBeUndefined();
  });
});

describe("product lines", () => {
  it("cover the lines of the brief, with unique keys", () => {
    for (const key of [
      "auto",
      "moto",
      "habitation",
      "sante",
      "prevoyance",
      "emprunteur",
      "protection_juridique",
      "gav",
      "assurance_vie",
      "per",
      "obseques",
      "animaux",
      "rc_pro",
      "multirisque_pro",
      "rc_decennale",
      "flotte_automobile",
      "sante_prevoyance_collective",
      "multirisque_immeuble",
      "dommage_ouvrage",
      "defiscalisation",
    ]) {
      expect(isProductLine(key), key).toBe(true);
    }
    expect(new Set(PRODUCT_LINE_KEYS).size).toBe(PRODUCT_LINES.length);
    expect(isProductLine("bateau")).toBe(false);
  });

  it("require the expected supporting documents", () => {
    const docs = (line: Parameters<typeof requiredDocuments>[0]) => requiredDocuments(line).map((d) => d.key);
    expect(docs("auto")).toEqual(["carte_grise", "permis_conduire", "releve_information", "cni"]);
    expect(docs("habitation")).toEqual(["cni", "bail_ou_titre"]);
    expect(docs("rc_decennale")).toEqual(expect.arrayContaining(["kbis", "attestations_qualification"]));
    for (const line of PRODUCT_LINES) {
      expect(line.documents.length, line.key).toBeGreaterThan(0);
      expect(new Set(line.documents.map((d) => d.key)).size).toBe(line.documents.length);
      for (const doc of line.documents) expect(DOCUMENTS[doc.key as keyof typeof DOCUMENTS]).toBe(doc);
    }
  });

  it("join French enumerations", () => {
    expect(joinFrench([])).toBe("");
    expect(joinFrench(["a"])).toBe("a");
    expect(joinFrench(["a", "b", "c"])).toBe("a, b et c");
    expect(joinFrench(["a", "b"], "ou")).toBe("a ou b");
  });
});
