import { describe, expect, it } from "vitest";
import { effectiveTns, managerIsTns, type TnsResolution, tnsDetection } from "./tns";

const particulier = { type: "particulier" as const, isTns: false };
const dismissed: TnsResolution = { decision: "dismissed", reason: "salarié", by: "u1", at: "2026-03-01T10:00:00Z" };

describe("managerIsTns: the legal form and the mandate decide", () => {
  it("follows French social law form by form", () => {
    expect(managerIsTns("ei", null)).toBe(true);
    expect(managerIsTns("sarl", "gerant_majoritaire")).toBe(true);
    expect(managerIsTns("sarl", "gerant_minoritaire")).toBe(false);
    expect(managerIsTns("selarl", "gerant_non_associe")).toBe(false);
    expect(managerIsTns("sarl", null)).toBeUndefined();
    expect(managerIsTns("eurl", null)).toBe(true);
    expect(managerIsTns("eurl", "gerant_non_associe")).toBe(false);
    expect(managerIsTns("snc", "associe")).toBe(true);
    for (const form of ["sas", "sasu", "selas", "sa", "sci", "association"] as const)
      expect(managerIsTns(form, "president_dg")).toBe(false);
    expect(managerIsTns("autre", "gerant_majoritaire")).toBeUndefined();
    expect(managerIsTns(null, null)).toBeUndefined();
  });
});

describe("tnsDetection", () => {
  it("detects a TNS filed as particulier from the flag, the job status or the legal form", () => {
    expect(tnsDetection({ ...particulier, isTns: true })).toMatchObject({ certainty: "sure", signal: "flag" });
    expect(tnsDetection({ ...particulier, professionalStatus: "artisan_commercant" })).toMatchObject({
      certainty: "sure",
      signal: "status",
      reason: "Situation professionnelle « Artisan / commerçant » sur une fiche particulier",
    });
    expect(
      tnsDetection({ ...particulier, professionalStatus: "chef_entreprise", legalForm: "sarl", managerRole: "gerant_majoritaire" }),
    ).toMatchObject({ certainty: "sure", signal: "legal_form" });
  });

  it("detects the mason from his NAF code and activity alone (issue 9), naming the code", () => {
    const mason = tnsDetection({ ...particulier, nafCode: "43.99C", activity: "Maçon" }, { nafLabel: "Travaux de maçonnerie générale" });
    expect(mason).toMatchObject({ certainty: "to_check", signal: "business_number" });
    expect(mason?.reason).toBe(
      "Code NAF 43.99C (Travaux de maçonnerie générale) et activité « Maçon » sur une fiche particulier : le client exerce à son compte",
    );
    expect(tnsDetection({ ...particulier, activity: "Artisan plombier" })).toMatchObject({ signal: "activity" });
    expect(tnsDetection({ ...particulier, siret: "73282932000074" })).toMatchObject({ signal: "business_number" });
  });

  it("asks for a chef d'entreprise, and trusts the form and mandate when known", () => {
    expect(tnsDetection({ ...particulier, professionalStatus: "chef_entreprise" })).toMatchObject({ certainty: "to_check" });
    expect(
      tnsDetection({ ...particulier, professionalStatus: "chef_entreprise", legalForm: "sas", managerRole: "president_dg" }),
    ).toBeNull();
    expect(tnsDetection({ ...particulier, nafCode: "62.01Z", legalForm: "sasu" })).toBeNull();
  });

  it("leaves alone an employee whose NAF code is his employer's, a pro already TNS, and a company", () => {
    expect(tnsDetection({ ...particulier, professionalStatus: "salarie_prive", nafCode: "43.99C" })).toBeNull();
    expect(tnsDetection({ ...particulier, professionalStatus: "retraite", activity: "ancien artisan" })).toBeNull();
    expect(tnsDetection({ type: "professionnel", isTns: true, professionalStatus: "tns_independant" })).toBeNull();
    expect(tnsDetection({ type: "entreprise", isTns: false, legalForm: "sarl", managerRole: "gerant_majoritaire" })).toBeNull();
    // A pro record not flagged TNS whose status says it: the flag is what is missing.
    expect(tnsDetection({ type: "professionnel", isTns: false, professionalStatus: "profession_liberale" })).toMatchObject({
      signal: "status",
    });
    expect(tnsDetection({ type: "professionnel", isTns: false, nafCode: "62.01Z" })).toBeNull();
  });
});

describe("effectiveTns", () => {
  it("counts a detected TNS until the agent sets it aside", () => {
    const mason = { ...particulier, nafCode: "43.99C" };
    expect(effectiveTns(mason, null)).toBe(true);
    expect(effectiveTns(mason, dismissed)).toBe(false);
    expect(effectiveTns({ ...particulier, isTns: true }, dismissed)).toBe(false);
    expect(effectiveTns({ type: "professionnel", isTns: true }, null)).toBe(true);
    expect(effectiveTns(particulier, null)).toBe(false);
  });
});
