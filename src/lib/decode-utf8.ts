import { isUtf8 } from "node:buffer";

const CONTINUATION = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const b1 = bytes[i + 1];
  if (b >= 0xc2 && b <= 0xdf) return CONTINUATION(b1) ? 2 : 0;
  if (b1 === undefined) return 0;
  // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  if (b1 < low || b1 > high) return 0;
  if (b >= 0xe0 && b <= 0xef) return CONTINUATION(bytes[i + 2]) ? 3 : 0;
  if (b >= 0xf0 && b <= 0xf4) return CONTINUATION(bytes[i + 2]) && CONTINUATION(bytes[i + 3]) ? 4 : 0;
  return 0;
}

/**
 * UTF-8 bytes as text, losing nothing: a byte that is not part of well-formed UTF-8 becomes the lone
 * surrogate U+DC80–U+DCFF that stands for it (PEP 383's "surrogateescape"), where TextDecoder would put
 * U+FFFD for any of them. Valid UTF-8 (nearly always) is decoded natively.
 */
export function decodeUtf8(bytes: Buffer): { text: string; wellFormed: boolean } {
  if (isUtf8(bytes)) return { text: bytes.toString("utf8"), wellFormed: true };
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(bytes.toString("utf8", start, i), String.fromCharCode(0xdc00 + (bytes[i] as number)));
    start = ++i;
  }
  parts.push(bytes.toString("utf8", start));
  return { text: parts.join(""), wellFormed: false };
}
