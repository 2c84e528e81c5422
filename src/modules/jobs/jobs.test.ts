import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockAt } from "../../../tests/support/clock";
import { createTestApp, type TestContext } from "../../../tests/support/test-app";
import { enqueueJobs } from "./enqueue-job";
import { type JobHandler, runDueJobs } from "./run-due-jobs";
import { startJobRunner } from "./runner";
import { jobs } from "./schema";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const at = (iso: string) => new Date(iso);
const jobRow = async (kind: string, key: string) =>
  (await ctx.db.select().from(jobs).where(eq(jobs.kind, kind))).find((j) => j.dedupeKey === key);

function recorder(kind: string, run: (payload: Record<string, unknown>) => unknown = () => ({ ok: true })) {
  const calls: Record<string, unknown>[] = [];
  const handler: JobHandler = {
    kind,
    maxAttempts: 2,
    async run(payload) {
      calls.push(payload);
      return run(payload);
    },
  };
  return { handler, calls };
}

describe("jobs table", () => {
  it("queues a job once per dedupe key", async () => {
    const req = { kind: "test.once", dedupeKey: "2026-06", payload: { month: "2026-06" }, runAt: at("2026-05-31T22:00:00Z") };
    expect(await enqueueJobs(ctx.db, [req])).toBe(1);
    expect(await enqueueJobs(ctx.db, [req, req])).toBe(0);
    expect((await ctx.db.select().from(jobs).where(eq(jobs.kind, "test.once"))).length).toBe(1);
  });

  it("runs due jobs only, once, and keeps their result", async () => {
    const { handler, calls } = recorder("test.due");
    await enqueueJobs(ctx.db, [
      { kind: "test.due", dedupeKey: "past", payload: { n: 1 }, runAt: at("2026-01-01T00:00:00Z") },
      { kind: "test.due", dedupeKey: "future", payload: { n: 2 }, runAt: at("2026-12-01T00:00:00Z") },
    ]);
    const now = () => at("2026-06-01T00:00:00Z");
    expect(await runDueJobs(ctx.db, [handler], { now })).toBe(1);
    expect(await runDueJobs(ctx.db, [handler], { now })).toBe(0);
    expect(calls).toEqual([{ n: 1 }]);
    expect(await jobRow("test.due", "past")).toMatchObject({ status: "done", attempts: 1, result: { ok: true }, lockedAt: null });
    expect(await jobRow("test.due", "future")).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("retries a failing job later, then leaves it failed with its error", async () => {
    const { handler, calls } = recorder("test.fail", () => {
      throw new Error("serveur SMTP injoignable");
    });
    await enqueueJobs(ctx.db, [{ kind: "test.fail", dedupeKey: "x", runAt: at("2026-01-01T00:00:00Z") }]);
    const errors: unknown[] = [];
    await runDueJobs(ctx.db, [handler], { now: () => at("2026-06-01T00:00:00Z"), onError: (e) => errors.push(e) });
    const retry = await jobRow("test.fail", "x");
    expect(retry).toMatchObject({ status: "queued", attempts: 1, lastError: "serveur SMTP injoignable" });
    expect(retry?.runAt.getTime()).toBe(at("2026-06-01T00:01:00Z").getTime());
    expect(await runDueJobs(ctx.db, [handler], { now: () => at("2026-06-01T00:00:30Z") })).toBe(0);
    await runDueJobs(ctx.db, [handler], { now: () => at("2026-06-01T00:02:00Z") });
    expect(await jobRow("test.fail", "x")).toMatchObject({ status: "failed", attempts: 2 });
    expect(calls).toHaveLength(2);
    expect(errors).toHaveLength(1);
  });

  it("takes back a job left running by a dead process", async () => {
    const { handler, calls } = recorder("test.stale");
    await enqueueJobs(ctx.db, [{ kind: "test.stale", dedupeKey: "x", runAt: at("2026-01-01T00:00:00Z") }]);
    await ctx.db
      .update(jobs)
      .set({ status: "running", lockedAt: at("2026-06-01T00:00:00Z") })
      .where(eq(jobs.kind, "test.stale"));
    expect(await runDueJobs(ctx.db, [handler], { now: () => at("2026-06-01T00:05:00Z") })).toBe(0);
    expect(await runDueJobs(ctx.db, [handler], { now: () => at("2026-06-01T00:20:00Z") })).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it("runs a batching kind's due jobs together, within its size and the limit, and retries each of a failed batch", async () => {
    const merged: number[][] = [];
    let failNext = true;
    const handler: JobHandler = {
      kind: "test.batch",
      maxAttempts: 3,
      batch: { size: 3, merge: (payloads) => ({ ns: payloads.map((p) => p.n) }) },
      async run(payload) {
        const ns = (payload.ns as number[] | undefined) ?? [payload.n as number];
        merged.push(ns);
        if (failNext) {
          failNext = false;
          throw new Error("base indisponible");
        }
        return { delivered: ns.length };
      },
    };
    await enqueueJobs(ctx.db, [
      ...Array.from({ length: 7 }, (_, i) => ({
        kind: "test.batch",
        dedupeKey: `n${i}`,
        payload: { n: i },
        runAt: at("2026-01-01T00:00:00Z"),
      })),
      { kind: "test.batch", dedupeKey: "later", payload: { n: 99 }, runAt: at("2026-12-01T00:00:00Z") },
    ]);
    const now = () => at("2026-06-01T00:00:00Z");
    // The first batch fails: its three jobs go back to the queue, each with its own attempt counted.
    expect(await runDueJobs(ctx.db, [handler], { now, limit: 3 })).toBe(3);
    expect(merged).toEqual([[0, 1, 2]]);
    const failed = (await ctx.db.select().from(jobs).where(eq(jobs.kind, "test.batch"))).filter((j) => j.attempts === 1);
    expect(failed.map((j) => [j.dedupeKey, j.status, j.lastError])).toEqual([
      ["n0", "queued", "base indisponible"],
      ["n1", "queued", "base indisponible"],
      ["n2", "queued", "base indisponible"],
    ]);
    // The limit counts jobs, not runs, and cuts a batch short; the failed jobs wait for their retry time.
    expect(await runDueJobs(ctx.db, [handler], { now, limit: 2 })).toBe(2);
    expect(await runDueJobs(ctx.db, [handler], { now })).toBe(2);
    expect(await runDueJobs(ctx.db, [handler], { now: () => at("2026-06-01T00:05:00Z") })).toBe(3);
    expect(merged.slice(1)).toEqual([
      [3, 4],
      [5, 6],
      [0, 1, 2],
    ]);
    const rows = await ctx.db.select().from(jobs).where(eq(jobs.kind, "test.batch"));
    expect(
      rows
        .filter((j) => j.status === "done")
        .map((j) => j.dedupeKey)
        .sort(),
    ).toEqual(["n0", "n1", "n2", "n3", "n4", "n5", "n6"]);
    expect(rows.find((j) => j.dedupeKey === "n1")?.result).toEqual({ delivered: 3 });
    expect(rows.find((j) => j.dedupeKey === "later")?.status).toBe("queued");
  });

  it("the runner schedules and runs in the background, and its stop waits for the job in progress", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { handler, calls } = recorder("test.runner", () => gate.then(() => "fini"));
    const stop = startJobRunner(ctx.db, {
      clock: clockAt("2026-06-01T10:00:00Z"),
      handlers: [handler],
      schedule: (now) => [{ kind: "test.runner", dedupeKey: now.toISOString().slice(0, 10), runAt: now }],
      intervalMs: 20,
    });
    await expect.poll(() => calls.length, { timeout: 5000 }).toBe(1);
    const stopped = stop();
    setTimeout(release, 50);
    await stopped;
    expect((await ctx.db.select().from(jobs).where(eq(jobs.kind, "test.runner")))[0]).toMatchObject({ status: "done", result: "fini" });
    expect(calls).toHaveLength(1);
  });

  it("the runner runs four jobs side by side, and a stopping runner finishes those in hand and leaves the other due jobs queued", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Every job waits on one gate: run one after the other, only the first would ever start.
    const { handler, calls } = recorder("test.backlog", () => gate);
    await enqueueJobs(
      ctx.db,
      Array.from({ length: 6 }, (_, i) => ({ kind: "test.backlog", dedupeKey: `b${i}`, runAt: at("2026-06-01T09:00:00Z") })),
    );
    const stop = startJobRunner(ctx.db, { clock: clockAt("2026-06-01T10:00:00Z"), handlers: [handler], intervalMs: 20 });
    await expect.poll(() => calls.length, { timeout: 5000 }).toBe(4);
    const stopped = stop();
    setTimeout(release, 50);
    await stopped;
    expect(calls).toHaveLength(4);
    const rows = await ctx.db.select().from(jobs).where(eq(jobs.kind, "test.backlog"));
    expect(rows.filter((r) => r.status === "done")).toHaveLength(4);
    expect(rows.filter((r) => r.status === "queued")).toHaveLength(2);
  });

  it.runIf(process.env.DATABASE_URL)("on PostgreSQL, concurrent runners each claim a different job and never the same", async () => {
    const { handler, calls } = recorder("test.concurrent", async (payload) => {
      await new Promise((r) => setTimeout(r, 30));
      return payload;
    });
    await enqueueJobs(
      ctx.db,
      Array.from({ length: 12 }, (_, i) => ({
        kind: "test.concurrent",
        dedupeKey: `k${i}`,
        payload: { i },
        runAt: at("2026-01-01T00:00:00Z"),
      })),
    );
    const ran = await Promise.all([1, 2, 3, 4].map(() => runDueJobs(ctx.db, [handler], { now: () => at("2026-01-02T00:00:00Z") })));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(12);
    expect(ran.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(new Set(calls.map((c) => c.i)).size).toBe(12);
    expect(calls).toHaveLength(12);
  });
});
