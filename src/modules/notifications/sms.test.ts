import { describe, expect, it } from "vitest";
import { smsSegments, validateSms } from "./sms";

describe("SMS segments", () => {
  it("counts GSM-7 septets: 160 in one segment, then 153 per segment", () => {
    expect(smsSegments("a".repeat(160))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, remaining: 0 });
    expect(smsSegments("a".repeat(161))).toMatchObject({ encoding: "GSM-7", segments: 2, perSegment: 153 });
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("keeps French accents of the GSM alphabet in GSM-7", () => {
    expect(smsSegments("Votre conseillère à Paris : é è ù à É Ç").encoding).toBe("GSM-7");
  });

  it("counts extension characters (€ [ ] { } ~ ^ | \\) as two septets", () => {
    expect(smsSegments("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("€".repeat(81)).segments).toBe(2);
  });

  it("never splits an escape pair across two segments", () => {
    // 152 plain septets then €: the pair does not fit in the first segment's last septet.
    const seg = smsSegments(`${"a".repeat(152)}€${"a".repeat(10)}`);
    expect(seg).toMatchObject({ segments: 2, remaining: 153 - 12 });
  });

  it("switches to UCS-2 (70, then 67) for characters outside GSM-7, and names them", () => {
    const text = "Merci pour votre confiance, à très bientôt ! Votre conseiller reçoit vos questions";
    const seg = smsSegments(text);
    expect(seg.encoding).toBe("UCS-2");
    expect(seg.nonGsmCharacters.sort()).toEqual(["ç", "ô"]);
    expect(seg.segments).toBe(2);
    expect(smsSegments("ç".repeat(70)).segments).toBe(1);
    expect(smsSegments("ç".repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
  });

  it("counts an emoji as two UCS-2 units and does not split it", () => {
    expect(smsSegments("😀".repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 66 units then an emoji: it does not fit in the first segment's 67th unit.
    const seg = smsSegments(`${"x".repeat(66)}😀${"x".repeat(10)}`);
    expect(seg).toMatchObject({ units: 78, segments: 2, remaining: 67 - 12 });
  });
});

describe("SMS validation", () => {
  it("requires an E.164 number and a non-empty text", () => {
    expect(() => validateSms({ to: "0612345678", text: "Bonjour" })).toThrow(/format international/);
    expect(() => validateSms({ to: "+33612345678", text: "  " })).toThrow(/vide/);
    expect(validateSms({ to: "+33612345678", text: "Bonjour" })).toMatchObject({ segments: 1, encoding: "GSM-7" });
  });

  it("refuses more than 6 segments with a French message naming the culprits", () => {
    expect(() => validateSms({ to: "+33612345678", text: "ê".repeat(67 * 6 + 1) })).toThrow(/7 segments UCS-2.*ê/);
    expect(() => validateSms({ to: "+33612345678", text: "a".repeat(153 * 6) })).not.toThrow();
  });
});
