import { describe, expect, it } from "vitest";
import { normalizeFrenchPhone } from "./phone";

describe("normalizeFrenchPhone", () => {
  it.each([
    ["06 12 34 56 78", "+33612345678"],
    ["06.12.34.56.78", "+33612345678"],
    ["06-12-34-56-78", "+33612345678"],
    ["0612345678", "+33612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["+33 (0)6 12 34 56 78", "+33612345678"],
    ["0033 6 12 34 56 78", "+33612345678"],
    ["0033612345678", "+33612345678"],
    ["6 12 34 56 78", "+33612345678"], // leading zero lost by a spreadsheet
    ["07 56 12 34 56", "+33756123456"],
    ["01 42 68 53 00", "+33142685300"],
    ["05 56 12 34 56", "+33556123456"],
    ["09 70 12 34 56", "+33970123456"],
  ])("accepts mainland %s", (raw, e164) => {
    expect(normalizeFrenchPhone(raw)).toEqual({ ok: true, e164, territory: "FR" });
  });

  it.each([
    ["0590 82 12 34", "+590590821234", "GP"],
    ["0690 30 12 34", "+590690301234", "GP"],
    ["+590 690 30 12 34", "+590690301234", "GP"],
    ["07 09 00 12 34", "+590709001234", "GP"],
    ["0596 71 23 45", "+596596712345", "MQ"],
    ["0696 45 12 34", "+596696451234", "MQ"],
    ["+596 696 45 12 34", "+596696451234", "MQ"],
    ["0594 29 12 34", "+594594291234", "GF"],
    ["0694 20 12 34", "+594694201234", "GF"],
    ["+594 694 20 12 34", "+594694201234", "GF"],
    ["0262 20 12 34", "+262262201234", "RE"],
    ["0692 12 34 56", "+262692123456", "RE"],
    ["0693 00 12 34", "+262693001234", "RE"],
    ["+262 692 12 34 56", "+262692123456", "RE"],
    ["0269 61 12 34", "+262269611234", "YT"],
    ["0639 20 12 34", "+262639201234", "YT"],
    ["+262 639 20 12 34", "+262639201234", "YT"],
    ["+508 41 12 34", "+508411234", "PM"],
    ["00508 55 12 34", "+508551234", "PM"],
    ["0590 27 12 34", "+590590271234", "BL"],
    ["+590 590 27 12 34", "+590590271234", "BL"],
    ["0590 07 12 34", "+590590071234", "MF"],
    ["+590 590 07 12 34", "+590590071234", "MF"],
  ])("accepts overseas %s", (raw, e164, territory) => {
    expect(normalizeFrenchPhone(raw)).toEqual({ ok: true, e164, territory });
  });

  it("maps an overseas number typed after +33 to its real calling code", () => {
    expect(normalizeFrenchPhone("+33 690 30 12 34")).toEqual({ ok: true, e164: "+590690301234", territory: "GP" });
  });

  it.each([
    ["", "empty"],
    ["abc", "letters"],
    ["06 12 34 56", "too short"],
    ["06 12 34 56 78 9", "too long"],
    ["07 12 34 56 78", "unallocated mobile range"],
    ["0596 20 12 34", "unallocated Martinique range, though FR metadata claims it"],
    ["0639 88 12 34", "unallocated Mayotte range"],
    ["0000000000", "zeros"],
    ["08 99 12 34 56", "premium rate"],
    ["08 10 12 34 56", "shared cost"],
    ["08 00 12 34 56", "toll free"],
    ["+44 20 7946 0958", "UK"],
    ["+32 470 12 34 56", "Belgium"],
    ["+1 212 555 0100", "US"],
    ["0041 79 123 45 67", "Switzerland via 00"],
    ["++33612345678", "double plus"],
    ["06 12 34 56 78 ext 12", "extension"],
    ["appelez le 06 12 34 56 78", "number inside text"],
  ])("rejects %s (%s)", (raw) => {
    expect(normalizeFrenchPhone(raw)).toEqual({ ok: false });
  });

  it("handles 10,000 calls in well under a second", () => {
    const inputs = ["06 12 34 56 78", "+33 1 42 68 53 00", "0690 30 12 34", "0262 20 12 34", "+44 20 7946 0958", "0612"];
    normalizeFrenchPhone(inputs[0] as string);
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) normalizeFrenchPhone(inputs[i % inputs.length] as string);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(1000);
  });
});
