import { describe, expect, it } from "vitest";
import { isValidSiren, isValidSiret, normalizeSiren, normalizeSiret, sirenFromSiret } from "./siren";

describe("SIREN / SIRET", () => {
  it.each(["732829320", "732 829 320", "552100554", "356000000"])("accepts SIREN %s", (s) => expect(isValidSiren(s)).toBe(true));

  it.each(["732829321", "73282932", "7328293200", "ABCDEFGHI", "000000000", ""])("rejects SIREN %s", (s) =>
    expect(isValidSiren(s)).toBe(false),
  );

  it.each(["73282932000074", "732 829 320 00074", "55210055400013"])("accepts SIRET %s", (s) => expect(isValidSiret(s)).toBe(true));

  it.each(["73282932000075", "7328293200007", "00000000000000", "7328293200007A"])("rejects SIRET %s", (s) =>
    expect(isValidSiret(s)).toBe(false),
  );

  it("applies the La Poste rule: digit sum divisible by 5 instead of Luhn", () => {
    expect(isValidSiret("35600000000048")).toBe(true); // head office, Luhn-valid
    expect(isValidSiret("35600000049837")).toBe(true); // digit sum 45, fails Luhn
    expect(isValidSiret("356 000 000 49837")).toBe(true);
    expect(isValidSiret("35600000049838")).toBe(false);
    // the exception belongs to La Poste only
    expect(isValidSiret("73282932049837")).toBe(false);
  });

  it("normalizes and extracts the SIREN", () => {
    expect(normalizeSiren(" 732 829 320 ")).toBe("732829320");
    expect(normalizeSiret("732\u00a0829\u00a0320\u00a000074")).toBe("73282932000074");
    expect(sirenFromSiret("732 829 320 00074")).toBe("732829320");
    expect(sirenFromSiret("73282932000075")).toBeNull();
  });
});
