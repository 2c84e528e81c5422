import { describe, expect, it } from "vitest";
import { PRODUCT_SLUGS } from "../../catalogue/rules";
import { checkFrenchVatNumber, frenchVatKey, frenchVatNumber } from "../../reference-data";
import { INSURANCE_CATEGORIES, IOBSP_CATEGORIES, isValidOriasNumber } from "./orias-categories";
import { consentCovers } from "./partner-categories";
import { oriasAllows, oriasCategoriesFor } from "./product-eligibility";

describe("which ORIAS categories may buy which product", () => {
  it("credit needs an IOBSP; insurance (emprunteur and assurance vie included) an insurance intermediary", () => {
    for (const p of ["credit-immobilier", "rachat-credits", "credit-professionnel"])
      expect(oriasCategoriesFor(p)).toEqual(IOBSP_CATEGORIES);
    for (const p of ["assurance-emprunteur", "mutuelle-sante", "assurance-vie-retraite", "rc-decennale", "assurance-obseques"])
      expect(oriasCategoriesFor(p)).toEqual(INSURANCE_CATEGORIES);
    expect(IOBSP_CATEGORIES).toEqual(["COBSP", "MOBSPL", "MOBSP", "MIOBSP"]);
    expect(INSURANCE_CATEGORIES).toEqual(["COA", "AGA", "MA", "MIA"]);
  });

  it("défiscalisation: an insurance intermediary or a CIF, never an IOBSP alone", () => {
    expect(oriasAllows("defiscalisation", ["CIF"])).toBe(true);
    expect(oriasAllows("defiscalisation", ["COA"])).toBe(true);
    expect(oriasAllows("defiscalisation", ["COBSP"])).toBe(false);
  });

  it("every product of the catalogue has buyers; an unknown product has none", () => {
    for (const p of PRODUCT_SLUGS) expect(oriasCategoriesFor(p).length, p).toBeGreaterThan(0);
    expect(oriasCategoriesFor("voyance")).toEqual([]);
    expect(oriasAllows("voyance", ["COA", "COBSP", "CIF"])).toBe(false);
  });

  it("a credit lead is not for an insurance-only broker, nor the reverse", () => {
    expect(oriasAllows("credit-immobilier", ["COA", "AGA"])).toBe(false);
    expect(oriasAllows("mutuelle-sante", ["COBSP"])).toBe(false);
    expect(oriasAllows("assurance-emprunteur", ["MIA"])).toBe(true);
    expect(oriasAllows("rachat-credits", ["MIOBSP"])).toBe(true);
  });
});

describe("VAT number and ORIAS number", () => {
  it("computes the French VAT key from the SIREN", () => {
    expect(frenchVatKey("732829320")).toBe("44");
    expect(frenchVatNumber("303265045")).toBe("FR40303265045");
    // A key below 10 keeps its leading zero.
    const siren = Array.from({ length: 2000 }, (_, i) => String(100000000 + i)).find((s) => Number(frenchVatKey(s)) < 10) as string;
    expect(frenchVatKey(siren)).toMatch(/^0\d$/);
  });

  it("checks format, key and SIREN", () => {
    expect(checkFrenchVatNumber("fr 40 303 265 045", "303265045")).toEqual({ ok: true, value: "FR40303265045" });
    expect(checkFrenchVatNumber("FR41303265045", "303265045").ok).toBe(false);
    expect(checkFrenchVatNumber("FR40303265045", "732829320").ok).toBe(false);
    expect(checkFrenchVatNumber("FRAB303265045", null).ok).toBe(false);
  });

  it("the ORIAS number has 8 digits", () => {
    expect(isValidOriasNumber("07 012 345")).toBe(true);
    expect(isValidOriasNumber("0701234")).toBe(false);
    expect(isValidOriasNumber("0701234a")).toBe(false);
  });
});

describe("consent coverage", () => {
  const text = { partners: ["Cabinet Durand Courtage"], partnerCategories: ["assurance-sante-prevoyance", "credit-immobilier"] };
  it("covers a brokerage in one of the text's categories, or named by the text", () => {
    expect(consentCovers(text, { legalName: "Autre", partnerCategories: ["credit-immobilier"] })).toBe(true);
    expect(consentCovers(text, { legalName: "CABINET DURAND-COURTAGE", partnerCategories: [] })).toBe(true);
  });
  it("does not cover a brokerage outside them", () => {
    expect(consentCovers(text, { legalName: "Autre", partnerCategories: ["rachat-credits"] })).toBe(false);
    expect(consentCovers({ partners: [], partnerCategories: [] }, { legalName: "", partnerCategories: ["credit-immobilier"] })).toBe(false);
  });
});
