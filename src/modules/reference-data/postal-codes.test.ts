import { describe, expect, it } from "vitest";
import { checkPostalCode, communesForPostalCode, departementFromPostalCode } from "./postal-codes";
import { normalizeCityName } from "./rules/city-name";

describe("checkPostalCode", () => {
  it("accepts Marseille 8e in its usual spellings", () => {
    const expected = { ok: true, postalCode: "13008", city: "Marseille 8e Arrondissement", inseeCode: "13208", departement: "13" };
    for (const city of ["Marseille", "MARSEILLE", "Marseille 8e", "Marseille 08", "Marseille 8e Arrondissement", "marseille cedex 08"]) {
      expect(checkPostalCode("13008", city)).toEqual(expected);
    }
  });

  it("matches Paris arrondissements and prefers the official commune over a routing label", () => {
    const expected = { ok: true, postalCode: "75015", city: "Paris 15e Arrondissement", inseeCode: "75115", departement: "75" };
    for (const city of ["PARIS 15", "Paris 15e", "Paris 15ème", "Paris", "paris cedex 15"]) {
      expect(checkPostalCode("75015", city)).toEqual(expected);
    }
    expect(checkPostalCode("75116", "Paris")).toMatchObject({ ok: true, inseeCode: "75116" });
    expect(checkPostalCode("75015", "Paris 16e")).toEqual({ ok: false, code: "city_postal_code_mismatch" });
  });

  it("matches Lyon arrondissements", () => {
    expect(checkPostalCode("69003", "Lyon 3eme")).toMatchObject({ ok: true, city: "Lyon 3e Arrondissement", inseeCode: "69383" });
    expect(checkPostalCode("69001", "LYON 1ER ARR.")).toMatchObject({ ok: true, inseeCode: "69381" });
  });

  it("accepts simple communes, with a leading zero lost by a spreadsheet", () => {
    const cannes = { ok: true, postalCode: "06400", city: "Cannes", inseeCode: "06029", departement: "06" };
    expect(checkPostalCode("06400", "Cannes")).toEqual(cannes);
    expect(checkPostalCode("6400", "CANNES")).toEqual(cannes);
    expect(checkPostalCode(" 06 400 ", "cannes")).toEqual(cannes);
  });

  it("is tolerant on accents, hyphens, case and Saint abbreviations", () => {
    for (const city of ["Saint-Étienne", "St Etienne", "ST-ETIENNE", "st étienne cedex 1", "saint etienne"]) {
      expect(checkPostalCode("42000", city)).toMatchObject({ ok: true, city: "Saint-Étienne", inseeCode: "42218" });
    }
    expect(checkPostalCode("10600", "La Chapelle St Luc")).toMatchObject({ ok: true, city: "La Chapelle-Saint-Luc" });
  });

  it("accepts La Poste routing labels (libellé d'acheminement)", () => {
    expect(checkPostalCode("20167", "Mezzavia")).toMatchObject({ ok: true, city: "Ajaccio", departement: "2A" });
  });

  it("covers the overseas territories", () => {
    expect(checkPostalCode("97110", "Pointe-à-Pitre")).toEqual({
      ok: true,
      postalCode: "97110",
      city: "Pointe-à-Pitre",
      inseeCode: "97120",
      departement: "971",
    });
    expect(checkPostalCode("97110", "POINTE A PITRE")).toMatchObject({ ok: true });
    expect(checkPostalCode("97200", "Fort-de-France")).toMatchObject({ ok: true, departement: "972" });
    expect(checkPostalCode("97300", "Cayenne")).toMatchObject({ ok: true, departement: "973" });
    expect(checkPostalCode("97400", "St-Denis")).toMatchObject({ ok: true, city: "Saint-Denis", departement: "974" });
    expect(checkPostalCode("97500", "Saint-Pierre")).toMatchObject({ ok: true, departement: "975" });
    expect(checkPostalCode("97600", "Mamoudzou")).toMatchObject({ ok: true, departement: "976" });
    expect(checkPostalCode("97133", "St Barthélemy")).toMatchObject({ ok: true, inseeCode: "97701", departement: "977" });
    expect(checkPostalCode("97150", "Saint-Martin")).toMatchObject({ ok: true, inseeCode: "97801", departement: "978" });
  });

  it("rejects a city that does not belong to the postal code", () => {
    expect(checkPostalCode("75015", "Lyon")).toEqual({ ok: false, code: "city_postal_code_mismatch" });
    expect(checkPostalCode("13008", "Marseille 3e")).toEqual({ ok: false, code: "city_postal_code_mismatch" });
    expect(checkPostalCode("06400", "")).toEqual({ ok: false, code: "city_postal_code_mismatch" });
  });

  it("tells an unknown postal code from a malformed one", () => {
    for (const pc of ["99999", "00000"]) expect(checkPostalCode(pc, "Paris")).toEqual({ ok: false, code: "postal_code_unknown" });
    for (const pc of ["9999", "123", "130088", "ABCDE", ""]) {
      expect(checkPostalCode(pc, "Paris")).toEqual({ ok: false, code: "postal_code_invalid" });
    }
  });

  it("reads four digits as a lost leading zero only when the city confirms it (issue 9: « 1300 Marseille »)", () => {
    expect(checkPostalCode("6400", "Cannes")).toMatchObject({ ok: true, postalCode: "06400" });
    expect(checkPostalCode("1300", "Belley")).toMatchObject({ ok: true, postalCode: "01300" });
    expect(checkPostalCode("1300", "Marseille")).toEqual({ ok: false, code: "postal_code_invalid" });
    // Five digits that exist but do not serve the city: the city is what is checked.
    expect(checkPostalCode("13100", "Marseille")).toEqual({ ok: false, code: "city_postal_code_mismatch" });
  });
});

describe("communesForPostalCode", () => {
  it("lists the communes of a postal code, alphabetically", () => {
    expect(communesForPostalCode("75015")).toEqual([
      { name: "Issy-les-Moulineaux", inseeCode: "92040" },
      { name: "Paris 15e Arrondissement", inseeCode: "75115" },
    ]);
    expect(communesForPostalCode("20167").map((c) => c.name)).toContain("Ajaccio");
    expect(communesForPostalCode("99999")).toEqual([]);
  });
});

describe("departementFromPostalCode", () => {
  it.each([
    ["13008", "13"],
    ["20000", "2A"],
    ["20200", "2B"],
    ["06400", "06"],
    ["97110", "971"],
    ["97600", "976"],
    ["13780", "13"], // shared with the Var: the code's own département wins
    ["99999", null],
  ])("%s → %s", (pc, dep) => expect(departementFromPostalCode(pc)).toBe(dep));
});

describe("normalizeCityName", () => {
  it.each([
    ["Saint-Étienne", "saint etienne"],
    ["ST-ETIENNE CEDEX 1", "saint etienne"],
    ["Ste-Maxime", "sainte maxime"],
    ["L'Haÿ-les-Roses", "l hay les roses"],
    ["Marseille 8e Arrondissement", "marseille 8"],
    ["Paris 15 e", "paris 15"],
    ["Lyon 1er", "lyon 1"],
    ["Bœurs-en-Othe", "boeurs en othe"],
    ["Boulogne s/ Mer", "boulogne sur mer"],
  ])("%s → %s", (raw, key) => expect(normalizeCityName(raw)).toBe(key));
});
