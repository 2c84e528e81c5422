import { describe, expect, it } from "vitest";
import { parseBoolean, parseClientType, parseDate, parseDocuments, parseMaritalStatus, parseNumber, parseProductLine } from "./parse-cell";
import { parseIncomeTaxRate, parseLegalForm, parseManagerRole, parsePetSpecies } from "./parse-client-cells";
import { suggestMapping } from "./suggest-mapping";

describe("reading CRM export cells", () => {
  it.each([
    ["15/01/2026", "2026-01-15"],
    ["5-1-2026", "2026-01-05"],
    ["15.01.85", "1985-01-15"],
    ["2026-01-15T00:00:00", "2026-01-15"],
    ["15/01/2026 00:00", "2026-01-15"],
  ])("reads the date %s", (raw, iso) => expect(parseDate(raw, "2026-11-30")).toEqual({ value: iso }));

  it("places two-digit years from the day of the import, not from the machine's clock", () => {
    expect(parseDate("15.01.27", "2026-11-30")).toEqual({ value: "2027-01-15" });
    expect(parseDate("15.01.28", "2026-11-30")).toEqual({ value: "1928-01-15" });
    expect(parseDate("15.01.28", "2027-01-01")).toEqual({ value: "2028-01-15" });
    expect(parseDate("01/01/99", "2099-12-31")).toEqual({ value: "2099-01-01" });
  });

  it("refuses impossible dates and other formats with a French reason", () => {
    expect(parseDate("30/02/2026", "2026-11-30").error).toContain("date inexistante");
    expect(parseDate("janvier 2026", "2026-11-30").error).toContain("JJ/MM/AAAA");
  });

  it.each([
    ["1 234,56 €", 1234.56],
    ["1.234,56", 1234.56],
    ["1234.5", 1234.5],
    ["12\u202f000 EUR", 12000],
  ])("reads the amount %s", (raw, n) => expect(parseNumber(raw)).toEqual({ value: n }));

  it("maps French labels, synonyms and abbreviations", () => {
    expect(parseBoolean("Oui").value).toBe(true);
    expect(parseBoolean("non signé").value).toBe(false);
    expect(parseMaritalStatus("Mariée").value).toBe("marie");
    expect(parseMaritalStatus("Veuve").value).toBe("veuf");
    expect(parseClientType("TNS").value).toEqual({ type: "professionnel", tns: true });
    expect(parseClientType("Société").value).toEqual({ type: "entreprise", tns: false });
    expect(parseProductLine("MRH").value).toBe("habitation");
    expect(parseProductLine("RC Pro").value).toBe("rc_pro");
    expect(parseProductLine("Responsabilité civile professionnelle (RC pro)").value).toBe("rc_pro");
    expect(parseProductLine("Yacht").error).toContain("produit inconnu");
    expect(parseDocuments("CNI, carte grise | permis").value).toEqual(["cni", "carte_grise", "permis_conduire"]);
    expect(parseDocuments("CNI, photo du chat").error).toContain("« photo du chat »");
  });
});

describe("cells the TNS check and the gap rules need (issue 9)", () => {
  it("reads legal forms and mandates as agencies write them", () => {
    expect(parseLegalForm("S.A.R.L.").value).toBe("sarl");
    expect(parseLegalForm("Micro-entreprise").value).toBe("ei");
    expect(parseLegalForm("SASU").value).toBe("sasu");
    expect(parseLegalForm("GmbH").error).toContain("forme juridique non reconnue");
    expect(parseManagerRole("Gérant majoritaire").value).toBe("gerant_majoritaire");
    expect(parseManagerRole("PDG").value).toBe("president_dg");
    expect(parseManagerRole("gérant égalitaire").value).toBe("gerant_minoritaire");
  });

  it("reads the species of pets, and asks which when the cell only says yes", () => {
    expect(parsePetSpecies("Chien, chat").value).toEqual(["chien", "chat"]);
    expect(parsePetSpecies("2 chats").value).toEqual(["chat"]);
    expect(parsePetSpecies("chat et lapin").value).toEqual(["chat", "autre"]);
    expect(parsePetSpecies("Aucun").value).toEqual([]);
    expect(parsePetSpecies("").value).toBeNull();
    expect(parsePetSpecies("Oui").error).toContain("espèce attendue (chien, chat, autre)");
  });

  it("reads the tax band in its usual spellings, and only the bands of the scale", () => {
    expect(parseIncomeTaxRate("30 %").value).toBe(30);
    expect(parseIncomeTaxRate("TMI 41").value).toBe(41);
    expect(parseIncomeTaxRate("0,11").value).toBe(11);
    expect(parseIncomeTaxRate("Non imposable").value).toBe(0);
    expect(parseIncomeTaxRate("25 %").error).toContain("tranche attendue (0, 11, 30, 41 ou 45 %)");
  });
});

describe("suggested mapping", () => {
  it("recognises usual French CRM headers, each field once, and leaves the unknown ones", () => {
    const mapping = suggestMapping([
      "N° client",
      "NOM",
      "Prénom",
      "Tél. portable",
      "Telephone fixe",
      "Code APE",
      "Date d'effet du contrat",
      "Nom du gérant",
      "Forme juridique",
      "TMI",
      "Animaux",
      "Commentaire",
    ]);
    expect(mapping).toEqual({
      "N° client": "clientRef",
      NOM: "lastName",
      Prénom: "firstName",
      "Tél. portable": "phone",
      "Telephone fixe": null,
      "Code APE": "nafCode",
      "Date d'effet du contrat": "startDate",
      "Nom du gérant": "managerName",
      "Forme juridique": "legalForm",
      TMI: "incomeTaxRate",
      Animaux: "petSpecies",
      Commentaire: null,
    });
  });
});
