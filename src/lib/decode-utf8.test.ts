import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "./decode-utf8";

/** The way back (PEP 383): a lone U+DC80–U+DCFF is the byte it stands for, the rest is UTF-8. */
function encodeBack(text: string): Buffer {
  const out: Buffer[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    out.push(c >= 0xdc80 && c <= 0xdcff ? Buffer.from([c - 0xdc00]) : Buffer.from(ch, "utf8"));
  }
  return Buffer.concat(out);
}

describe("decodeUtf8", () => {
  it("loses no byte: any bytes come back from the text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const buf = Buffer.from(bytes);
        expect(encodeBack(decodeUtf8(buf).text).equals(buf)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads UTF-8 as UTF-8, and says when the bytes were not", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(decodeUtf8(Buffer.from(text, "utf8"))).toEqual({ text, wellFormed: true });
      }),
    );
    // Overlong NUL, an encoded surrogate, a code point past U+10FFFF, a cut sequence: one stand-in per byte.
    expect(decodeUtf8(Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x41, 0xe2, 0x82]))).toEqual({
      text: "\udcc0\udc80\udced\udca0\udc80\udcf4\udc90\udc80\udc80A\udce2\udc82",
      wellFormed: false,
    });
  });
});
