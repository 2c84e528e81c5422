import { isAscii, isUtf8 } from "node:buffer";
import { utf8SequenceLength } from "./decode-utf8";

/**
 * Turns the bytes of an uploaded CSV into UTF-8 bytes for the parser, whatever the spreadsheet wrote:
 * UTF-8 with or without BOM, Windows-1252 (French Excel's "CSV (séparateur: point-virgule)"), or
 * UTF-16 with BOM (Excel's "Texte Unicode"). Works chunk by chunk: the file is never held whole.
 * Every byte is read as a character, none as U+FFFD (decision "intake keeps every byte"): Windows-1252
 * through the WHATWG table, where the five bytes the code page leaves undefined are C1 controls; and in
 * a UTF-8 file, a byte that is not UTF-8 (two exports pasted together) is read as Windows-1252 too.
 */

export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

const EMPTY = Buffer.alloc(0);

// Windows-1252 is Latin-1 but for 0x80-0x9F. iconv-lite reads 0x81, 0x8D, 0x8F, 0x90 and 0x9D as U+FFFD, and
// Node's TextDecoder("windows-1252") reads the whole range as Latin-1: the WHATWG table, by hand.
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const fromWindows1252 = (data: Buffer) =>
  data.toString("latin1").replace(/[\x80-\x9f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80] as string);

/** Bytes at the end of `data` that begin a UTF-8 character the next chunk completes. */
function cutCharacter(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const b = data[data.length - back] as number;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > back ? back : 0;
  }
  return 0;
}

/** UTF-8 as it is; a byte that is not part of well-formed UTF-8 is read as Windows-1252. */
function utf8OrWindows1252(data: Buffer): Buffer {
  if (isUtf8(data)) return data;
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < data.length; ) {
    const n = utf8SequenceLength(data, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(data.subarray(start, i), Buffer.from(fromWindows1252(data.subarray(i, i + 1)), "utf8"));
    start = ++i;
  }
  parts.push(data.subarray(start));
  return Buffer.concat(parts);
}

function firstNonAscii(data: Buffer): number {
  if (isAscii(data)) return -1;
  for (let i = 0; i < data.length; i++) if ((data[i] as number) > 0x7f) return i;
  return -1;
}

/**
 * Strict UTF-8 over everything from the first non-ASCII byte to the end of the chunk: a Windows-1252
 * accent ("é" = 0xE9 followed by ASCII) is never valid UTF-8, while real UTF-8 text stays valid for
 * thousands of characters. "undecided" when the only non-ASCII bytes are a character cut by the chunk edge.
 */
function sniff(tail: Buffer, final: boolean): CsvEncoding | "undecided" {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(tail, { stream: !final });
    return text.length > 0 ? "utf-8" : "undecided";
  } catch {
    return "windows-1252";
  }
}

export class CsvDecoder {
  /** null while only ASCII has been seen: both encodings read it alike, so the choice can wait. */
  encoding: CsvEncoding | null = null;
  private carry: Buffer = EMPTY;
  private started = false;
  private utf16: TextDecoder | null = null;

  write(chunk: Buffer): Buffer {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = EMPTY;
    return this.process(data, false);
  }

  end(): Buffer {
    const out = this.carry.length > 0 ? this.process(this.carry, true) : EMPTY;
    this.carry = EMPTY;
    const tail = this.utf16 ? Buffer.from(this.utf16.decode(), "utf8") : EMPTY;
    this.encoding ??= "utf-8";
    return tail.length > 0 ? Buffer.concat([out, tail]) : out;
  }

  private process(data: Buffer, final: boolean): Buffer {
    if (!this.started) {
      // A BOM needs its first bytes together; a file shorter than that is plain text.
      if (data.length < 3 && !final) {
        this.carry = data;
        return EMPTY;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) this.encoding = "utf-8";
      else if (data[0] === 0xff && data[1] === 0xfe) this.encoding = "utf-16le";
      else if (data[0] === 0xfe && data[1] === 0xff) this.encoding = "utf-16be";
      if (this.encoding?.startsWith("utf-16")) this.utf16 = new TextDecoder(this.encoding);
    }
    if (this.encoding) return this.convert(data, final);

    const k = firstNonAscii(data);
    if (k === -1) return data;
    const verdict = sniff(data.subarray(k), final);
    if (verdict === "undecided") {
      this.carry = Buffer.from(data.subarray(k));
      return data.subarray(0, k);
    }
    this.encoding = verdict;
    return k === 0 ? this.convert(data, final) : Buffer.concat([data.subarray(0, k), this.convert(data.subarray(k), final)]);
  }

  private convert(data: Buffer, final: boolean): Buffer {
    if (this.encoding === "windows-1252") return Buffer.from(fromWindows1252(data), "utf8");
    if (this.utf16) return Buffer.from(this.utf16.decode(data, { stream: true }), "utf8");
    // UTF-8 goes through untouched, the parser reads bytes (its `bom` option drops the BOM); a character
    // cut by the chunk's edge waits for the next chunk, so that only bytes that are not UTF-8 are read otherwise.
    const cut = final ? 0 : cutCharacter(data);
    if (cut > 0) this.carry = Buffer.from(data.subarray(data.length - cut));
    return utf8OrWindows1252(cut > 0 ? data.subarray(0, data.length - cut) : data);
  }
}

/** The separator used most often in the header line, outside quotes; ";" when nothing tells. */
export function detectDelimiter(head: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === ";" || ch === "," || ch === "\t")) counts[ch]++;
  }
  const best = (Object.keys(counts) as (keyof typeof counts)[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ";");
  return best;
}
