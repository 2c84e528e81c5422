import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../tests/support/test-app";
import { verifyEvidence } from "../evidence";
import { appendAuditEvents, signedEventRow } from "./append-event";
import { canonicalJson } from "./chain-hash";
import { checkpointLog, readCheckpoints, signCheckpoint } from "./checkpoints";
import { checkEventMac } from "./event-mac";
import { evidenceKeys, parseEvidenceKeys } from "./evidence-keys";
import { auditEvents } from "./schema";
import { CHAIN_STARTED, sealAuditChain } from "./seal-chain";

let ctx: TestContext;
const dir = mkdtempSync(path.join(os.tmpdir(), "la-audit-"));
const log = checkpointLog(dir, "test");
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const events = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    actor: { orgId: null },
    action: "test.event",
    entityType: "test",
    entityId: `${tag}-${i}`,
    data: { i, tag, nested: { b: 1, a: [1, "x"] } },
  }));

const verify = async () => verifyEvidence(ctx.db, { checkpoints: await readCheckpoints([dir]), pageSize: 40 });

describe("audit journal", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await appendAuditEvents(ctx.db, events(1, "immutable"));
    await expect(ctx.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`truncate audit_events cascade`)).rejects.toThrow();
    await sealAuditChain(ctx.db, { checkpoints: log });
    await expect(ctx.db.execute(sql`update audit_chain set hash = 'x'`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from audit_chain`)).rejects.toThrow();
  });

  it("refuses to change a published consent text", async () => {
    await ctx.owner.execute(
      sql`insert into consent_texts (version, title, body, sha256, partners, published_at) values ('T1', 't', 'b', 's', '[]', now())`,
    );
    await expect(ctx.db.execute(sql`update consent_texts set body = 'autre texte'`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from consent_texts`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`truncate consent_texts cascade`)).rejects.toThrow();
  });

  it("starts the chain with an event of the application that names it, and seals in batches", async () => {
    await appendAuditEvents(ctx.db, events(120, "batch"));
    await sealAuditChain(ctx.db, { batchSize: 50, checkpoints: log });
    const start = (
      (await ctx.db.execute(
        sql`select e.action, e.entity_id from audit_chain c join audit_events e on e.id = c.event_id where c.position = 1`,
      )) as unknown as { rows: { action: string; entity_id: string }[] }
    ).rows[0];
    expect(start?.action).toBe(CHAIN_STARTED);
    const report = await verify();
    // The consent text inserted raw by the previous test: a wrong sha256, no publication event. Nothing else.
    expect(report.problems.map((p) => [p.kind, p.ref.startsWith("texte de consentement T1")])).toEqual([
      ["consent_text", true],
      ["consent_text", true],
    ]);
    expect(report.sealed).toBeGreaterThanOrEqual(122);
    expect(report.unsealed).toBe(0);
    expect(report.checkpoints.anchoredAt?.position).toBe(report.sealed);
  });

  it("seals a late-committed event far behind the head at the next full sweep", async () => {
    await ctx.owner.execute(sql`select setval('audit_events_id_seq', 60000)`);
    await appendAuditEvents(ctx.db, events(3, "head"));
    await sealAuditChain(ctx.db, { checkpoints: log });
    // As if a transaction opened long ago committed only now, with an id far below the sealed head.
    await ctx.db
      .insert(auditEvents)
      .values({ ...signedEventRow({ actor: {}, action: "test.late", entityType: "test", entityId: "late" }), id: 30000 });
    expect(await sealAuditChain(ctx.db, { checkpoints: log })).toBe(0);
    expect((await verify()).unsealed).toBe(1);
    expect(await sealAuditChain(ctx.db, { full: true, checkpoints: log })).toBe(1);
    expect((await verify()).unsealed).toBe(0);
  });

  it("authenticates each event with the application's key: another key, or a change, does not verify", async () => {
    const row = {
      ...signedEventRow({ actor: {}, action: "test.mac", entityType: "test", entityId: "m", data: { b: [1, { y: 2, x: 1 }] } }),
    };
    const [stored] = await ctx.db.insert(auditEvents).values(row).returning();
    if (!stored) throw new Error("no row");
    const keys = parseEvidenceKeys(`other:${Buffer.alloc(32, 9).toString("base64")}`, "test");
    const test = parseEvidenceKeys(
      `old:${Buffer.alloc(32, 1).toString("base64")}\ntest-1:${Buffer.alloc(32, 7).toString("base64url")}`,
      "t",
    );
    expect(checkEventMac(test, stored)).toBe("ok");
    expect(checkEventMac(keys, stored)).toBe("unknown_key");
    expect(checkEventMac(test, { ...stored, data: { b: [1, { y: 2, x: 2 }] } })).toBe("invalid");
    expect(checkEventMac(test, { ...stored, mac: null })).toBe("missing");
  });
});

describe("checkpoints outside the database", () => {
  it("appends one signed line per sealed batch to this instance's file of the day", async () => {
    await appendAuditEvents(ctx.db, events(3, "cp"));
    await sealAuditChain(ctx.db, { checkpoints: log, now: () => new Date("2027-03-28T00:59:00.000Z") });
    const read = await readCheckpoints([dir]);
    const last = read.checkpoints.at(-1);
    expect(last?.source).toMatch(/2027-03-28\.test\.jsonl:\d+$/);
    expect(last?.at.toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(read.unreadable).toEqual([]);
  });

  it("reports a line that is not a checkpoint, or whose signature is not the application's, and ignores another chain's", async () => {
    const file = path.join(dir, "edited.jsonl");
    const genuine = (await readCheckpoints([dir])).checkpoints.at(-1);
    if (!genuine) throw new Error("no checkpoint");
    const other = checkpointLog(dir, "other-db");
    await other.append({ ...signCheckpoint(evidenceKeys(), { chain: "another-database", position: 1, hash: "h", at: new Date() }) });
    writeFileSync(file, `pas du JSON\n${JSON.stringify({ ...genuine, position: genuine.position + 5, at: genuine.at.toISOString() })}\n`);
    const report = await verify();
    expect(report.problems.filter((p) => p.kind === "checkpoint")).toEqual([
      { kind: "checkpoint", ref: `${file}:1`, message: "ligne illisible" },
      { kind: "checkpoint", ref: `${file}:2`, message: "point d'ancrage dont la signature est fausse (fichier modifié)" },
    ]);
    expect(report.checkpoints.otherChains).toBe(1);
    rmSync(file);
  });

  it("names a genuine event copied into a second row (a replay)", async () => {
    const [original] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, "cp-0"));
    if (!original) throw new Error("no event");
    const { id: _id, ...copy } = original;
    const [replayed] = await ctx.db.insert(auditEvents).values(copy).returning();
    const report = await verify();
    expect(report.problems.filter((p) => p.kind === "event")).toEqual([
      {
        kind: "event",
        ref: `événements n° ${original.id}, ${replayed?.id}`,
        message: "copies d'un même événement (rejeu hors de l'application)",
      },
    ]);
  });
});

describe("canonical JSON", () => {
  it("is independent of key order and stable for nested values", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("drops undefined properties, writes undefined array items as null, and orders keys by UTF-16 code unit", () => {
    expect(canonicalJson({ z: [undefined, 1], a: undefined, é: "x", Z: new Date("2026-11-21T08:00:00Z") })).toBe(
      '{"Z":"2026-11-21T08:00:00.000Z","z":[null,1],"é":"x"}',
    );
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson({ "": 1, a: 2 })).toBe('{"":1,"a":2}');
  });
});
