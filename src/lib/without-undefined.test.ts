import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutUndefined } from "./without-undefined";

describe("withoutUndefined", () => {
  it("drops undefined values only, keeps the order and leaves the object given alone", () => {
    const given = { b: undefined, a: 0, c: null, d: "", e: false, f: undefined, g: [undefined] };
    const copy = withoutUndefined(given);
    expect(Object.entries(copy)).toEqual([
      ["a", 0],
      ["c", null],
      ["d", ""],
      ["e", false],
      ["g", [undefined]],
    ]);
    expect(Object.keys(given)).toHaveLength(7);
  });

  it("ignores what an object inherits", () => {
    const inherited = Object.assign(Object.create({ fromPrototype: 1 }), { own: 2 });
    expect(withoutUndefined(inherited)).toEqual({ own: 2 });
  });

  it("keeps an own __proto__ key as a key", () => {
    const copy = withoutUndefined(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object);
    expect(Object.entries(copy)).toEqual([
      ["__proto__", { polluted: true }],
      ["a", 1],
    ]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it("is the object's own entries filtered, for any object", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.option(fc.jsonValue(), { nil: undefined })), (o) => {
        const expected = Object.entries(o).filter(([, v]) => v !== undefined);
        expect(Object.entries(withoutUndefined(o))).toEqual(expected);
      }),
    );
  });
});
