import { describe, expect, it } from "vitest";
import { AsyncQueue } from "./async-queue";

describe("AsyncQueue", () => {
  it("hands values over in order, waiting for those not yet pushed, and ends when closed", async () => {
    const q = new AsyncQueue<number>();
    q.push(1);
    setTimeout(() => {
      q.push(2);
      q.close();
    }, 5);
    const taken: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) taken.push(await q.next());
    expect(taken).toEqual([1, 2, undefined]);
  });

  it("ends a wait with the first failure", async () => {
    const q = new AsyncQueue<number>();
    const waiting = q.next();
    q.fail(new Error("first"));
    q.fail(new Error("second"));
    await expect(waiting).rejects.toThrow("first");
    q.push(3);
    await expect(q.next()).rejects.toThrow("first");
  });
});
