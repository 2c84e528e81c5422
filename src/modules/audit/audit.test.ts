import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../tests/support/test-app";
import { appendAuditEvents } from "./append-event";
import { canonicalJson } from "./chain-hash";
import { sealAuditChain } from "./seal-chain";
import { verifyAuditChain } from "./verify-chain";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const events = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    actor: { orgId: null },
    action: "test.event",
    entityType: "test",
    entityId: `${tag}-${i}`,
    data: { i, tag, nested: { b: 1, a: [1, "x"] } },
  }));

describe("audit journal", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await appendAuditEvents(ctx.db, events(1, "immutable"));
    await expect(ctx.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`truncate audit_events cascade`)).rejects.toThrow();
    await sealAuditChain(ctx.db);
    await expect(ctx.db.execute(sql`update audit_chain set hash = 'x'`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from audit_chain`)).rejects.toThrow();
  });

  it("refuses to change a published consent text", async () => {
    await ctx.db.execute(
      sql`insert into consent_texts (version, title, body, sha256, partners, published_at) values ('T1', 't', 'b', 's', '[]', now())`,
    );
    await expect(ctx.db.execute(sql`update consent_texts set body = 'autre texte'`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from consent_texts`)).rejects.toThrow();
  });

  it("seals events in order, in batches, and verifies the whole chain", async () => {
    await appendAuditEvents(ctx.db, events(120, "batch"));
    await sealAuditChain(ctx.db, { batchSize: 50 });
    const verdict = await verifyAuditChain(ctx.db, 40);
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThanOrEqual(121);
    expect(verdict.unsealed).toBe(0);
  });

  it("seals a late-committed event far behind the head at the next full sweep", async () => {
    await ctx.db.execute(sql`select setval('audit_events_id_seq', 60000)`);
    await appendAuditEvents(ctx.db, events(3, "head"));
    await sealAuditChain(ctx.db);
    // As if a transaction opened long ago committed only now, with an id far below the sealed head.
    await ctx.db.execute(
      sql`insert into audit_events (id, occurred_at, action, entity_type, entity_id, data) values (30000, now(), 'test.late', 'test', 'late', '{}')`,
    );
    expect(await sealAuditChain(ctx.db)).toBe(0);
    expect((await verifyAuditChain(ctx.db)).unsealed).toBe(1);
    expect(await sealAuditChain(ctx.db, { full: true })).toBe(1);
    const verdict = await verifyAuditChain(ctx.db);
    expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
  });

  it("names the first tampered entry when someone bypasses the triggers", async () => {
    await appendAuditEvents(ctx.db, events(10, "tamper"));
    await sealAuditChain(ctx.db);
    const target = (await ctx.db.execute(
      sql`select c.position, e.id from audit_chain c join audit_events e on e.id = c.event_id where e.entity_id = 'tamper-4'`,
    )) as unknown as {
      rows: { position: number; id: number }[];
    };
    const row = target.rows[0];
    expect(row).toBeDefined();
    // A superuser can disable triggers; the chain is what still gives the change away.
    await ctx.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await ctx.db.execute(sql`update audit_events set data = '{"i": 999}' where entity_id = 'tamper-4'`);
    await ctx.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const verdict = await verifyAuditChain(ctx.db);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(Number(verdict.brokenAt.position)).toBe(Number(row?.position));
      expect(verdict.brokenAt.problem).toMatch(/modifié/);
    }
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
