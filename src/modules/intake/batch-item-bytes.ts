const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Where each item of a batch body's top-level "leads" array lies, as [start, end) byte offsets, so that
 * an item whose value cannot be stored exactly keeps its own bytes as sent. The body is known to be a
 * JSON object (it was parsed first): only strings and nesting are followed. Bytes, not characters, are
 * scanned, so bytes that are not UTF-8 cannot shift an offset; as in JSON.parse, the last "leads" wins.
 */
export function batchItemRanges(bytes: Uint8Array): [number, number][] {
  let found: [number, number][] = [];
  let depth = 0;
  let lastString: [number, number] = [0, 0];
  let key: string | null = null;
  // While inside the "leads" array (items at depth 2): the items so far, and the one being read.
  let items: [number, number][] | null = null;
  let start = -1;
  let end = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (isSpace(b)) continue;
    const atItemLevel = items !== null && depth === 2;
    // An item starts at its first byte: anything but the punctuation between items.
    if (atItemLevel && start < 0 && b !== 0x2c && b !== 0x5d) start = i;
    if (b === QUOTE) {
      const from = i;
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
      lastString = [from, i + 1];
      if (atItemLevel) end = i + 1;
    } else if (b === 0x7b || b === 0x5b) {
      if (depth === 1 && b === 0x5b && key === "leads") {
        items = [];
        start = -1;
      }
      depth++;
    } else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (items && depth === 2) end = i + 1;
      if (items && depth === 1) {
        if (start >= 0) items.push([start, end]);
        found = items;
        items = null;
      }
    } else if (b === 0x3a) {
      if (depth === 1) key = JSON.parse(Buffer.from(bytes.subarray(lastString[0], lastString[1])).toString("utf8"));
    } else if (b === 0x2c) {
      if (atItemLevel) {
        items?.push([start, end]);
        start = -1;
      }
    } else if (atItemLevel) end = i + 1;
  }
  return found;
}
