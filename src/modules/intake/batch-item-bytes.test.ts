import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchItemRanges } from "./batch-item-bytes";

const ws = fc.constantFrom("", " ", "\n", "\r\n\t ");
// Strings full of what a scanner could trip on: quotes, backslashes, brackets, commas, "leads" itself.
const tricky = fc.string({ unit: fc.constantFrom('"', "\\", "[", "]", "{", "}", ",", ":", "leads", "é", "a") });
const json = fc.oneof(fc.jsonValue(), tricky, fc.dictionary(tricky, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }));

describe("batchItemRanges", () => {
  it("finds each item's bytes, whatever the items, the spacing and the keys around them", () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 6 }), ws, fc.dictionary(tricky, json, { maxKeys: 2 }), (items, s, others) => {
        const list = `[${s}${items.map((i) => JSON.stringify(i, null, s ? 1 : 0)).join(`${s},${s}`)}${s}]`;
        const before = Object.entries(others).map(([k, v]) => `${JSON.stringify(k)}${s}:${s}${JSON.stringify(v)},`);
        // An earlier "leads" key: JSON.parse keeps the last one, and so must the ranges.
        const body = Buffer.from(`{${s}"leads":[1,2,3],${before.join("")}${s}"leads"${s}:${s}${list}${s}}`);
        const parsed = JSON.parse(body.toString()).leads as unknown[];
        const ranges = batchItemRanges(body);
        expect(ranges.map(([a, b]) => JSON.parse(body.subarray(a, b).toString()))).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it("counts in bytes: bytes that are not UTF-8 do not shift the items after them", () => {
    const body = Buffer.concat([Buffer.from('{"leads":["'), Buffer.from([0xff, 0xe9]), Buffer.from('",{"a":"é"}]}')]);
    const ranges = batchItemRanges(body);
    expect(ranges.map(([a, b]) => body.subarray(a, b))).toEqual([Buffer.from([0x22, 0xff, 0xe9, 0x22]), Buffer.from('{"a":"é"}')]);
  });
});
