import { describe, expect, it } from "vitest";
import { CSV_FIXED_COLUMNS, csvHeader, csvRecordToSubmission, normalizeHeader } from "./csv-columns";
import { PRODUCTS } from "./products";

const BASE_RECORD = {
  prenom: "Léa",
  nom: "Durand",
  telephone: "0611223344",
  email: "lea@example.fr",
  code_postal: "69003",
  ville: "Lyon",
  consentement_methode: "case",
  case_precochee: "non",
  consentement_version: "v1",
  consentement_date: "21/11/2026 10:15",
  ip: "82.64.1.2",
  user_agent: "Mozilla/5.0",
  url_source: "https://exemple.fr/devis",
};

describe("csvHeader", () => {
  it("puts the fixed columns first, then one column per product field key", () => {
    expect(csvHeader("assurance-animaux")).toEqual([
      "prenom",
      "nom",
      "telephone",
      "email",
      "code_postal",
      "ville",
      "consentement_methode",
      "case_precochee",
      "consentement_version",
      "consentement_date",
      "ip",
      "user_agent",
      "url_source",
      "centre_appels",
      "teleconseiller",
      "ref_enregistrement",
      "ref_externe",
      "typeAnimal",
      "race",
      "age",
      "identifie",
    ]);
    expect(() => csvHeader("nope")).toThrow();
  });

  it("has no header that two columns could both claim", () => {
    for (const p of PRODUCTS) {
      const columns = [...CSV_FIXED_COLUMNS.map((c) => [c.name, ...c.aliases]), ...p.fields.map((f) => [f.key])];
      const owner = new Map<string, string>();
      for (const spellings of columns) {
        for (const h of new Set(spellings.map(normalizeHeader))) {
          expect(owner.get(h), `${p.slug}: ${h}`).toBeUndefined();
          owner.set(h, spellings[0] ?? "");
        }
      }
    }
  });
});

describe("csvRecordToSubmission", () => {
  it("maps the fixed columns to the lead submission shape", () => {
    const { submission, fieldErrors } = csvRecordToSubmission("assurance-animaux", {
      ...BASE_RECORD,
      ref_externe: "R-1",
      typeAnimal: "Chien",
      race: "Croisé",
      age: "4 ans",
      identifie: "oui",
    });
    expect(fieldErrors).toEqual([]);
    expect(submission).toEqual({
      product: "assurance-animaux",
      type: "lead",
      contact: {
        firstName: "Léa",
        lastName: "Durand",
        phone: "0611223344",
        email: "lea@example.fr",
        postalCode: "69003",
        city: "Lyon",
      },
      consent: {
        method: "checkbox",
        prechecked: false,
        textVersion: "v1",
        collectedAt: "2026-11-21T09:15:00.000Z",
        ip: "82.64.1.2",
        userAgent: "Mozilla/5.0",
        sourceUrl: "https://exemple.fr/devis",
      },
      fields: { typeAnimal: "chien", race: "Croisé", age: 4, identifie: true },
      externalRef: "R-1",
    });
  });

  it("matches headers case- and accent-insensitively, and accepts camelCase names", () => {
    const { submission } = csvRecordToSubmission("assurance-animaux", {
      "\uFEFFPrénom": "Léa",
      "Code Postal": "69003",
      lastName: "Durand",
      TYPE_ANIMAL: "chat",
      Identifié: "non",
      collectedAt: "2026-07-01T10:00:00+02:00",
      Méthode: "oral",
    });
    expect(submission.contact).toEqual({ firstName: "Léa", lastName: "Durand", postalCode: "69003" });
    expect(submission.fields).toEqual({ typeAnimal: "chat", identifie: false });
    expect(submission.consent).toEqual({ method: "oral", collectedAt: "2026-07-01T08:00:00.000Z" });
  });

  it("reads consent dates in Paris time across daylight saving", () => {
    const at = (consentement_date: string) =>
      csvRecordToSubmission("assurance-animaux", { consentement_date }).submission.consent?.collectedAt;
    expect(at("15/01/2026 10:15")).toBe("2026-01-15T09:15:00.000Z");
    expect(at("15/07/2026 10:15:30")).toBe("2026-07-15T08:15:30.000Z");
    expect(at("2026-07-15 10:15")).toBe("2026-07-15T08:15:00.000Z");
    expect(at("2026-07-15T10:15:00Z")).toBe("2026-07-15T10:15:00.000Z");
    expect(at("29/03/2026 03:30")).toBe("2026-03-29T01:30:00.000Z");
  });

  it("reports unreadable cells as field reasons and keeps the raw text", () => {
    const { submission, fieldErrors } = csvRecordToSubmission("assurance-animaux", {
      ...BASE_RECORD,
      case_precochee: "bof",
      consentement_date: "01/02/2026",
      typeAnimal: "hamster",
      age: "trois",
      identifie: "",
    });
    expect(fieldErrors.map((r) => [r.field, r.code])).toEqual([
      ["consent.prechecked", "field_invalid"],
      ["consent.collectedAt", "field_invalid"],
      ["fields.typeAnimal", "field_invalid_option"],
      ["fields.age", "field_invalid"],
    ]);
    expect(submission.consent?.prechecked).toBeUndefined();
    expect(submission.consent?.collectedAt).toBeUndefined();
    expect(submission.fields).toEqual({ typeAnimal: "hamster", age: "trois" });
    expect(fieldErrors[2]?.message).toContain("hamster");
  });

  it("flags an unknown product and keeps the extra columns", () => {
    const { submission, fieldErrors } = csvRecordToSubmission("assurance-yacht", { ...BASE_RECORD, longueur: "12 m" });
    expect(fieldErrors).toEqual([expect.objectContaining({ code: "product_unknown", field: "product" })]);
    expect(submission.fields).toEqual({ longueur: "12 m" });
    expect(submission.contact?.city).toBe("Lyon");
  });
});
