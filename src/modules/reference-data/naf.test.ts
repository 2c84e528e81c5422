import { describe, expect, it } from "vitest";
import { findNaf, isConstructionTrade, searchNaf } from "./naf";

const ELECTRICIAN = { code: "43.21A", label: "Travaux d'installation électrique dans tous locaux" };

describe("NAF", () => {
  it.each(["4321A", "43.21A", "43.21a", " 43 21 a "])("finds %s", (code) => expect(findNaf(code)).toEqual(ELECTRICIAN));

  it("finds the brokers' own code", () => {
    expect(findNaf("6622Z")).toEqual({ code: "66.22Z", label: "Activités des agents et courtiers d'assurances" });
  });

  it.each(["43", "43.21", "4399", "9999Z", "43.21X", "", "abc"])("returns null for %s (not an APE sous-classe)", (code) =>
    expect(findNaf(code)).toBeNull(),
  );

  it("flags construction trades (divisions 41, 42, 43)", () => {
    expect(isConstructionTrade("41.20A")).toBe(true);
    expect(isConstructionTrade("4221Z")).toBe(true);
    expect(isConstructionTrade("43.21a")).toBe(true);
    expect(isConstructionTrade("71.12B")).toBe(false); // engineering, not section F
    expect(isConstructionTrade("66.22Z")).toBe(false);
    expect(isConstructionTrade("43.00Z")).toBe(false); // unknown code
  });

  it("searches by code prefix", () => {
    const results = searchNaf("43.2", 50);
    expect(results.length).toBeGreaterThan(5);
    expect(results.every((r) => r.code.startsWith("43.2"))).toBe(true);
    expect(searchNaf("4321")).toEqual([ELECTRICIAN, { code: "43.21B", label: "Travaux d'installation électrique sur la voie publique" }]);
  });

  it("searches label words, accents and case ignored", () => {
    expect(searchNaf("installation electrique")).toContainEqual(ELECTRICIAN);
    expect(searchNaf("COURTIERS assur")).toEqual([{ code: "66.22Z", label: "Activités des agents et courtiers d'assurances" }]);
    expect(searchNaf("boulangerie")[0]).toEqual({ code: "10.71C", label: "Boulangerie et boulangerie-pâtisserie" });
  });

  it("honours the limit and ignores empty queries", () => {
    expect(searchNaf("fabrication", 3)).toHaveLength(3);
    expect(searchNaf("   ")).toEqual([]);
    expect(searchNaf("zzzzz")).toEqual([]);
  });
});
