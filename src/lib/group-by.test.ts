import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("keeps keys in the order of their first item and items in their order", () => {
    expect([...groupBy(["b1", "a1", "b2", "c1", "a2"], (s) => s[0])]).toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1", "a2"]],
      ["c", ["c1"]],
    ]);
  });

  it("loses no item and puts each under its own key", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 })), (items) => {
        const groups = groupBy(items, (n) => n % 3);
        expect([...groups.values()].flat().toSorted()).toEqual(items.toSorted());
        for (const [key, group] of groups) for (const n of group) expect(n % 3).toBe(key);
      }),
    );
  });
});
