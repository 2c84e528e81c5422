import { describe, expect, it } from "vitest";
import { GroupCommit, type GroupWork } from "./group-commit";

const clock = () => new Date("2026-12-01T09:00:00Z");

/** Work on numbers that records how it was done: each group done together, each request done alone. */
function recordingWork(opts: { leaveOut?: (n: number) => boolean; failGroups?: boolean; refuse?: (n: number) => boolean } = {}) {
  const groups: number[][] = [];
  const alone: number[] = [];
  const work: GroupWork<number, string> = {
    async together(requests) {
      groups.push([...requests]);
      await new Promise((r) => setTimeout(r, 5));
      if (opts.failGroups) throw new Error("le groupe a échoué");
      return requests.map((n) => (opts.leaveOut?.(n) ? null : `ensemble ${n}`));
    },
    async alone(n) {
      alone.push(n);
      await new Promise((r) => setTimeout(r, 5));
      if (opts.refuse?.(n)) throw new Error(`refusé ${n}`);
      return `seul ${n}`;
    },
  };
  return { work, groups, alone };
}

describe("group commit", () => {
  it("does a request on its own at once, alone", async () => {
    const { work, groups, alone } = recordingWork();
    const commit = new GroupCommit(work, clock);
    expect(await commit.submit(1)).toBe("seul 1");
    expect(groups).toEqual([]);
    expect(alone).toEqual([1]);
  });

  it("groups the requests that arrive while others are in flight, up to the group's size, and answers each its own", async () => {
    const { work, groups, alone } = recordingWork();
    const commit = new GroupCommit(work, clock, { maxGroup: 4, maxConcurrent: 1 });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => commit.submit(n)));
    // The first goes alone and at once; the nine behind it wait and go four, four, then one (alone).
    expect(alone).toEqual([0, 9]);
    expect(groups).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(answers).toEqual(["seul 0", ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `ensemble ${n}`), "seul 9"]);
  });

  it("does alone what a group leaves out, and passes its refusal to that request only", async () => {
    const { work, alone } = recordingWork({ leaveOut: (n) => n % 3 === 0, refuse: (n) => n === 3 });
    const commit = new GroupCommit(work, clock, { maxGroup: 8, maxConcurrent: 1 });
    const outcomes = await Promise.allSettled(Array.from({ length: 7 }, (_, n) => commit.submit(n)));
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message))).toEqual([
      "seul 0",
      "ensemble 1",
      "ensemble 2",
      "refusé 3",
      "ensemble 4",
      "ensemble 5",
      "seul 6",
    ]);
    expect(alone.sort()).toEqual([0, 3, 6]);
  });

  it("does every request of a failed group alone", async () => {
    const { work, groups, alone } = recordingWork({ failGroups: true });
    const commit = new GroupCommit(work, clock, { maxGroup: 8, maxConcurrent: 1 });
    const answers = await Promise.all(Array.from({ length: 4 }, (_, n) => commit.submit(n)));
    expect(groups).toEqual([[1, 2, 3]]);
    expect(answers).toEqual(["seul 0", "seul 1", "seul 2", "seul 3"]);
    expect(alone.sort()).toEqual([0, 1, 2, 3]);
  });

  it("runs at most `maxConcurrent` groups at once", async () => {
    let running = 0;
    let most = 0;
    const slow = async <T>(value: T) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return value;
    };
    const commit = new GroupCommit<number, number>({ together: (requests) => slow(requests.map((n) => n)), alone: (n) => slow(n) }, clock, {
      maxGroup: 2,
      maxConcurrent: 2,
    });
    expect(await Promise.all(Array.from({ length: 12 }, (_, n) => commit.submit(n)))).toEqual(Array.from({ length: 12 }, (_, n) => n));
    expect(most).toBe(2);
  });
});
