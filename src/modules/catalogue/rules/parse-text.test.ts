import { describe, expect, it } from "vitest";
import { formatFieldText } from "./format-text";
import { parseFieldText, parseFrenchNumber } from "./parse-text";
import { PRODUCTS, productBySlug } from "./products";
import { sampleFieldValues } from "./samples";
import type { FieldDefinition } from "./types";

function field(slug: string, key: string): FieldDefinition {
  const f = productBySlug(slug)?.fields.find((x) => x.key === key);
  if (!f) throw new Error(`${slug}.${key}`);
  return f;
}

const value = (f: FieldDefinition, raw: string) => {
  const r = parseFieldText(f, raw);
  return r.ok ? r.value : "FAIL";
};

describe("parseFrenchNumber", () => {
  it.each([
    ["250 000", 250_000],
    ["250\u00a0000", 250_000],
    ["250\u202f000", 250_000],
    ["1 234,50 €", 1234.5],
    ["1\u202f234,50\u00a0€", 1234.5],
    ["1.234,50", 1234.5],
    ["1,234.50", 1234.5],
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["250.000", 250_000],
    ["1.234.567", 1_234_567],
    ["1 234 567,89", 1_234_567.89],
    ["1'000", 1000],
    ["0", 0],
    ["-12", -12],
    ["45 m²", 45],
    ["38 ans", 38],
  ])("%s → %d", (raw, expected) => {
    expect(parseFrenchNumber(raw)).toBe(expected);
  });

  it.each(["", "abc", "12 à 15", "1-3", "1.2.3,4,5", "1,23,4", "€", "12,5,3.2", "13 83", "12 3456"])("refuses %j", (raw) => {
    expect(parseFrenchNumber(raw)).toBeUndefined();
  });

  it("scales k€ / M€ only when asked (euro amounts)", () => {
    expect(parseFrenchNumber("250k€", { allowScaleSuffix: true })).toBe(250_000);
    expect(parseFrenchNumber("1,2 M€", { allowScaleSuffix: true })).toBe(1_200_000);
    expect(parseFrenchNumber("250k")).toBeUndefined();
  });

  it("reads a lone dot as a decimal point for decimal fields", () => {
    expect(parseFrenchNumber("1.250", { dotIsDecimal: true })).toBe(1.25);
    expect(parseFrenchNumber("1.250")).toBe(1250);
  });
});

describe("parseFieldText", () => {
  it("turns an empty cell into undefined", () => {
    for (const p of PRODUCTS) for (const f of p.fields) expect(parseFieldText(f, "  ")).toEqual({ ok: true, value: undefined });
  });

  it("parses integers and amounts the French way", () => {
    expect(value(field("rachat-credits", "nombreCredits"), "3")).toBe(3);
    expect(value(field("rachat-credits", "nombreCredits"), "3,5")).toBe("FAIL");
    expect(value(field("rachat-credits", "mensualitesActuelles"), "1 234,50 €")).toBe(1234.5);
    expect(value(field("credit-immobilier", "montantProjet"), "250\u00a0000")).toBe(250_000);
    expect(value(field("credit-immobilier", "montantProjet"), "250 k€")).toBe(250_000);
    expect(value(field("assurance-auto", "bonusMalus"), "0,85")).toBe(0.85);
    expect(value(field("assurance-auto", "bonusMalus"), "1.25")).toBe(1.25);
    expect(parseFieldText(field("credit-immobilier", "montantProjet"), "beaucoup")).toEqual({ ok: false, code: "field_invalid" });
  });

  it("parses dd/mm/yyyy and ISO dates, refusing impossible ones", () => {
    const f = field("assurance-auto", "dateEcheance");
    expect(value(f, "15/03/2027")).toBe("2027-03-15");
    expect(value(f, "5/3/2027")).toBe("2027-03-05");
    expect(value(f, "15-03-2027")).toBe("2027-03-15");
    expect(value(f, "15.03.2027")).toBe("2027-03-15");
    expect(value(f, "2027-03-15")).toBe("2027-03-15");
    expect(value(f, "15/03/2027 00:00")).toBe("2027-03-15");
    expect(value(f, "31/02/2027")).toBe("FAIL");
    expect(value(f, "15/03/27")).toBe("FAIL");
    expect(value(f, "mars 2027")).toBe("FAIL");
  });

  it.each([
    ["oui", true],
    ["Oui", true],
    ["O", true],
    ["yes", true],
    ["TRUE", true],
    ["1", true],
    ["x", true],
    ["non", false],
    ["N", false],
    ["no", false],
    ["false", false],
    ["0", false],
  ])("boolean %s → %s", (raw, expected) => {
    expect(value(field("assurance-emprunteur", "fumeur"), raw)).toBe(expected);
  });

  it("refuses a boolean it cannot read", () => {
    expect(value(field("assurance-emprunteur", "fumeur"), "peut-être")).toBe("FAIL");
  });

  it("matches choices by value or label, ignoring case, accents and gender marks", () => {
    const sf = field("rachat-credits", "situationFamiliale");
    expect(value(sf, "Marié(e)")).toBe("marie");
    expect(value(sf, "MARIEE")).toBe("marie");
    expect(value(sf, "marie")).toBe("marie");
    expect(value(sf, "veuve")).toBe("veuf");
    expect(value(sf, "union-libre")).toBe("union-libre");
    const sp = field("rachat-credits", "situationProfessionnelle");
    expect(value(sp, "salarié(e) du privé")).toBe("salarie-prive");
    expect(value(sp, "Salarié€ du privé")).toBe("salarie-prive");
    expect(value(sp, "chef d’entreprise")).toBe("chef-entreprise");
    expect(value(sp, "ARTISAN COMMERÇANT")).toBe("artisan-commercant");
    const delai = field("credit-immobilier", "delaiProjet");
    expect(value(delai, "<6 mois")).toBe("moins-6-mois");
    expect(value(delai, "> 6 mois")).toBe("plus-6-mois");
    expect(value(delai, "immédiat")).toBe("immediat");
    expect(parseFieldText(sf, "pacsé")).toEqual({ ok: false, code: "field_invalid_option" });
  });

  it("matches bands by label, value or by a figure inside the tranche", () => {
    const budget = field("assurance-obseques", "budgetMensuel");
    expect(value(budget, "De 20 à 40 € / mois")).toBe("20-40");
    expect(value(budget, "20-40")).toBe("20-40");
    expect(value(budget, "35 €")).toBe("20-40");
    expect(value(budget, "40")).toBe("40-60");
    expect(value(budget, "150 €/mois")).toBe("plus-100");
    const impot = field("defiscalisation", "montantImpot");
    expect(value(impot, "Je ne sais pas")).toBe("ne-sait-pas");
    expect(value(impot, "NSP")).toBe("ne-sait-pas");
    expect(value(impot, "12 000 €")).toBe("10000-20000");
    expect(parseFieldText(impot, "beaucoup")).toEqual({ ok: false, code: "field_invalid_option" });
  });

  it("reads département lists with any separator, names included", () => {
    const zone = field("rc-decennale", "zoneIntervention");
    expect(value(zone, "13, 83; 84 2A")).toEqual(["13", "83", "84", "2A"]);
    expect(value(zone, "1/2b|974")).toEqual(["01", "2B", "974"]);
    expect(value(zone, "Var, Bouches-du-Rhône, 83")).toEqual(["83", "13"]);
    // Unknown codes are kept so the validator can name them.
    expect(value(zone, "13, 20")).toEqual(["13", "20"]);
  });

  it("keeps text trimmed with collapsed spaces", () => {
    expect(value(field("rc-pro", "activite"), "  Plombier   chauffagiste ")).toBe("Plombier chauffagiste");
  });

  it.each(PRODUCTS.map((p) => p.slug))("round-trips formatted samples of %s", (slug) => {
    const samples = sampleFieldValues(slug, new Date("2027-01-31T23:30:00+01:00"));
    for (const f of productBySlug(slug)?.fields ?? []) {
      if (samples[f.key] === undefined) continue;
      expect(value(f, formatFieldText(f, samples[f.key])), `${slug}.${f.key}`).toEqual(samples[f.key]);
    }
  });
});
