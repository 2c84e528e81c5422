import { isUtf8 } from "node:buffer";
import { count, eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { editedBody, edits, insert, jsonOf, nestedJson, wrongType } from "../../../tests/support/hostile-input";
import { bearer, createOrgWithUser, createTestApp, publishTestConsentText, type TestContext } from "../../../tests/support/test-app";
import { leads } from "./schema";

/**
 * Property (issue 8 §2): whatever an authenticated supplier sends as a JSON object, the answer is not a
 * 5xx and exactly one lead is stored per object, from which what was sent comes back: as the same JSON
 * value when `payload_raw` is empty, as the same bytes when it is not.
 */

let ctx: TestContext;
let key: string;
let orgId: string;
let version: string;
beforeAll(async () => {
  ctx = await createTestApp();
  const s = await createOrgWithUser(ctx, "supplier");
  key = s.apiKey as string;
  orgId = s.org.id;
  version = (await publishTestConsentText(ctx)).version;
});
afterAll(() => ctx.close());

const send = (url: string, body: Buffer, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: "POST", url, headers: { ...bearer(key), ...headers, "content-type": "application/json" }, payload: body });
const storedCount = async () => (await ctx.db.select({ n: count() }).from(leads).where(eq(leads.supplierOrgId, orgId)))[0]?.n ?? 0;

/** What was sent comes back from the stored lead: the bytes themselves, or their JSON value. */
function expectRecoverable(row: typeof leads.$inferSelect, sent: Buffer) {
  if (row.payloadRaw) expect(row.payloadRaw.equals(sent)).toBe(true);
  else {
    expect(isUtf8(sent)).toBe(true);
    expect(row.payload).toEqual(jsonOf(sent));
  }
}

const rowsById = async (ids: string[]) => new Map((await ctx.db.select().from(leads).where(inArray(leads.id, ids))).map((r) => [r.id, r]));

describe("intake API, whatever is sent", () => {
  it("single lead: 201 or 422, one stored lead, what was sent recoverable", async () => {
    await fc.assert(
      fc.asyncProperty(edits, fc.option(fc.string({ minLength: 1, maxLength: 20 })), async (changes, idempotencyKey) => {
        const body = editedBody(validLead(version), changes);
        const before = await storedCount();
        const headers: Record<string, string> = idempotencyKey ? { "idempotency-key": `p-${idempotencyKey}-${before}` } : {};
        const res = await send("/api/v1/leads", body, headers);
        expect([201, 422], res.body).toContain(res.statusCode);
        expect(await storedCount()).toBe(before + 1);
        const row = (await rowsById([res.json().id])).get(res.json().id);
        expect(row?.status).toBe(res.statusCode === 201 ? "accepted" : "rejected");
        expectRecoverable(row as typeof leads.$inferSelect, body);
      }),
      { numRuns: 60 },
    );
  });

  /** A batch item: an edited lead, or any JSON value at all (not an object, deep). */
  const item = fc.oneof(
    { weight: 3, arbitrary: edits.map((changes) => editedBody(validLead(version), changes)) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        wrongType.map((v) => Buffer.from(JSON.stringify(v))),
        nestedJson.map((t) => Buffer.from(t)),
      ),
    },
    { weight: 1, arbitrary: insert.map((i) => editedBody({ x: null }, [{ path: ["x"], insert: i }])) },
  );
  const space = fc.constantFrom("", " ", "\n\t ");

  it("batch: 200, one result and one stored lead per item, in order, each recoverable", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), space, async (items, ws) => {
        const body = Buffer.concat([
          Buffer.from(`{${ws}"leads"${ws}:${ws}[${ws}`),
          ...items.flatMap((b, i) => (i ? [Buffer.from(`${ws},${ws}`), b] : [b])),
          Buffer.from(`${ws}]}`),
        ]);
        const before = await storedCount();
        const res = await send("/api/v1/leads/batch", body);
        expect(res.statusCode, res.body).toBe(200);
        const results = res.json().results as { id: string }[];
        expect(results).toHaveLength(items.length);
        expect(await storedCount()).toBe(before + items.length);
        const rows = await rowsById(results.map((r) => r.id));
        for (const [i, sent] of items.entries()) expectRecoverable(rows.get(results[i]?.id as string) as typeof leads.$inferSelect, sent);
      }),
      { numRuns: 25 },
    );
  });
});
