import fc from "fast-check";

/**
 * What a fuzzer sends (issue 8 §2), as fast-check arbitraries shared by the property tests: strings
 * with NUL, half surrogate pairs, huge strings and spreadsheet formulas; values of the wrong type;
 * unknown keys; JSON nested past any limit; bytes that are not UTF-8.
 */

/** One UTF-16 code unit of any value: NUL, control characters and half surrogate pairs included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const formulaText = fc.constantFrom("=cmd|' /C calc'!A0", "+33612345678", "-1+1", "@SUM(A1:A2)", "\t=1", "\r=1");

export const hostileText = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 12 }),
  fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })).map(([a, b]) => `${a}\u0000${b}`),
  fc.constantFrom("\ud800", "\udfff", "a\udc80b", "\ud83d\ude00x\ud83d"),
  fc.integer({ min: 2_001, max: 60_000 }).map((n) => "é".repeat(n)),
  formulaText,
);

/** A JSON value of some type, where the API expects another. */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** JSON text nested `depth` levels, arrays or objects: from harmless to far past any limit. */
export const nestedJson = fc
  .tuple(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 6_000 })), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));

/** Bytes 0x80-0xFF: never JSON punctuation, and as often as not no UTF-8 at all. */
export const highBytes = fc.uint8Array({ min: 0x80, max: 0xff, minLength: 1, maxLength: 4 });

/** What goes at one place of a JSON body: a value, raw JSON text, or a string whose bytes are not UTF-8. */
export type Insert = { value: unknown } | { json: string } | { bytes: Uint8Array };

export const insert: fc.Arbitrary<Insert> = fc.oneof(
  hostileText.map((value) => ({ value })),
  wrongType.map((value) => ({ value })),
  nestedJson.map((json) => ({ json })),
  highBytes.map((bytes) => ({ bytes })),
);

const KNOWN_PATHS = [
  ["product"],
  ["type"],
  ["externalRef"],
  ["contact"],
  ["contact", "firstName"],
  ["contact", "phone"],
  ["contact", "email"],
  ["contact", "postalCode"],
  ["consent"],
  ["consent", "prechecked"],
  ["consent", "textVersion"],
  ["consent", "ip"],
  ["consent", "collectedAt"],
  ["fields"],
  ["fields", "bonusMalus"],
  ["fields", "usage"],
];

/** Where to put it: a key the API reads, or one it does not know (utm_source, contact.address, any string). */
export const path: fc.Arbitrary<string[]> = fc.oneof(
  fc.constantFrom(...KNOWN_PATHS),
  fc.constantFrom<string[]>(["utm_source"], ["contact", "address"], ["__proto__"], ["fields", "constructor"]),
  fc
    .tuple(fc.constantFrom<string[]>([], ["contact"], ["fields"]), fc.oneof(fc.string({ maxLength: 8 }), hostileText))
    .map(([p, k]) => [...p, k]),
);

export const edits = fc.array(fc.record({ path, insert }), { minLength: 1, maxLength: 3 });

/** Sets without invoking setters: a "__proto__" key stays a key, as JSON.parse makes it. */
function setAt(target: Record<string, unknown>, keys: string[], value: unknown) {
  const [key, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return;
  }
  const own = Object.hasOwn(target, key) ? target[key] : undefined;
  const child = own !== null && typeof own === "object" && !Array.isArray(own) ? (own as Record<string, unknown>) : {};
  setAt(target, [key], child);
  setAt(child, rest, value);
}

/**
 * The bytes of `base` as JSON with each edit applied: values through JSON.stringify, raw JSON text and
 * raw bytes spliced in where a marker string stood.
 */
export function editedBody(base: object, changes: { path: string[]; insert: Insert }[]): Buffer {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const spliced = new Map<string, Buffer>();
  for (const [n, { path: p, insert: i }] of changes.entries()) {
    if ("value" in i) {
      setAt(copy, p, i.value);
      continue;
    }
    const marker = `\u0001splice-${n}\u0001`;
    spliced.set(JSON.stringify(marker), "json" in i ? Buffer.from(i.json) : Buffer.concat([Buffer.from('"'), i.bytes, Buffer.from('"')]));
    setAt(copy, p, marker);
  }
  let body = Buffer.from(JSON.stringify(copy));
  for (const [marker, bytes] of spliced) {
    const at = body.indexOf(marker);
    // An edit further down the list may have replaced the marker's place: nothing to splice then.
    if (at >= 0) body = Buffer.concat([body.subarray(0, at), bytes, body.subarray(at + Buffer.byteLength(marker))]);
  }
  return body;
}

/** The JSON value of a body with the same numbers and keys as the database keeps them (-0 is 0 there). */
export const jsonOf = (bytes: Buffer): unknown => JSON.parse(JSON.stringify(JSON.parse(bytes.toString("utf8"))));
