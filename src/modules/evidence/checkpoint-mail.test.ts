import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../tests/support/test-app";
import { appendAuditEvents, checkpointLog, readCheckpoints, sealAuditChain } from "../audit";
import { capturedMessages } from "../notifications/schema";
import { checkpointMailHandler, checkpointMailSchedule } from "./checkpoint-mail";
import { verifyEvidence } from "./verify-evidence";

let ctx: TestContext;
const dir = mkdtempSync(path.join(os.tmpdir(), "la-cp-mail-"));
const mailed = mkdtempSync(path.join(os.tmpdir(), "la-cp-mailed-"));
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
  for (const d of [dir, mailed]) rmSync(d, { recursive: true, force: true });
});

describe("the daily checkpoint e-mail", () => {
  it("is due once a day at 07:00 Paris time, daylight saving or not", () => {
    expect(checkpointMailSchedule(new Date("2027-01-31T22:30:00Z"))).toEqual([
      { kind: "audit.checkpoint_mail", dedupeKey: "2027-01-31", payload: { day: "2027-01-31" }, runAt: new Date("2027-01-31T06:00:00Z") },
    ]);
    expect(checkpointMailSchedule(new Date("2027-03-28T00:59:00Z"))[0]?.runAt).toEqual(new Date("2027-03-28T05:00:00Z"));
  });

  it("mails the signed head of the chain, a line that audit:verify reads as a checkpoint", async () => {
    await appendAuditEvents(
      ctx.db,
      Array.from({ length: 5 }, (_, i) => ({ actor: {}, action: "test.event", entityType: "test", entityId: String(i) })),
    );
    const checkpoints = checkpointLog(dir, "instance-a");
    await sealAuditChain(ctx.db, { checkpoints });
    const handler = checkpointMailHandler({
      notifier: ctx.app.notifier,
      to: "exploitation@cabinet.example",
      checkpoints,
      instance: "instance-a",
    });
    const result = (await handler.run({}, { db: ctx.db, now: new Date("2027-01-31T06:00:00Z"), jobId: 1 })) as { position: number };
    expect(result).toEqual({ sent: true, position: 6 });
    const [mail] = await ctx.db.select().from(capturedMessages).where(eq(capturedMessages.to, "exploitation@cabinet.example"));
    expect(mail?.subject).toBe("Point d'ancrage du journal d'audit LeadsAssurance — position 6");
    const line = (mail?.text ?? "").split("\n").find((l) => l.startsWith("{"));
    expect(JSON.parse(line ?? "{}")).toMatchObject({ position: 6, at: "2027-01-31T06:00:00.000Z", instance: "instance-a" });
    writeFileSync(path.join(mailed, "ancrage.jsonl"), `${line}\n`);
    const report = await verifyEvidence(ctx.db, { checkpoints: await readCheckpoints([mailed]) });
    expect(report.problems).toEqual([]);
    expect(report.checkpoints.anchoredAt).toMatchObject({ position: 6, source: `${path.join(mailed, "ancrage.jsonl")}:1` });
  });
});
