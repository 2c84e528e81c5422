import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import {
  asUser,
  bearer,
  createOrgWithUser,
  createTestApp,
  login,
  publishTestConsentText,
  type TestContext,
} from "../../../tests/support/test-app";
import { readLeadJson } from "./read-lead-json";
import { leads } from "./schema";

/** Found by fuzzing the running server (issue 8 §2): each of these used to be a 500 or a lost lead. */

let ctx: TestContext;
let key: string;
let orgId: string;
let email: string;
let version: string;
beforeAll(async () => {
  ctx = await createTestApp();
  const s = await createOrgWithUser(ctx, "supplier");
  key = s.apiKey as string;
  orgId = s.org.id;
  email = s.email;
  version = (await publishTestConsentText(ctx)).version;
});
afterAll(() => ctx.close());

const send = (body: string | Buffer, url = "/api/v1/leads", headers: Record<string, string> = bearer(key)) =>
  ctx.app.inject({ method: "POST", url, headers: { ...headers, "content-type": "application/json" }, payload: body });
const stored = async (id: string) => {
  const [row] = await ctx.db.select().from(leads).where(eq(leads.id, id));
  if (!row) throw new Error(`lead ${id} not stored`);
  return row;
};
const storedCount = async () => (await ctx.db.select({ n: count() }).from(leads).where(eq(leads.supplierOrgId, orgId)))[0]?.n;
type Reason = { code: string; field: string; message: string };
const reasonsOf = (res: { json(): { reasons?: Reason[] } }) => res.json().reasons ?? [];

describe("a lead the database cannot hold as sent is stored, rejected with its reasons, and kept exactly", () => {
  it("a NUL in a known field: field_invalid on that field, the exact body kept", async () => {
    const lead = validLead(version);
    const body = JSON.stringify({ ...lead, contact: { ...lead.contact, firstName: "Ca\u0000mille" } });
    const res = await send(body);
    expect(res.statusCode).toBe(422);
    expect(reasonsOf(res)).toEqual([expect.objectContaining({ code: "field_invalid", field: "contact.firstName" })]);
    const row = await stored(res.json().id);
    expect(row.status).toBe("rejected");
    expect(row.payloadRaw?.equals(Buffer.from(body))).toBe(true);
    expect(row.payload).toMatchObject({ contact: { firstName: "Ca\uFFFDmille" } });
    expect(row.firstName).toBeNull();
  });

  it("a NUL or half a surrogate pair under a key the product does not know: accepted, the exact body kept", async () => {
    const body = JSON.stringify({ ...validLead(version), tracking: { "clé\u0000": "\ud800x" } });
    const res = await send(body);
    expect(res.statusCode).toBe(201);
    const row = await stored(res.json().id);
    expect(row.payload).toMatchObject({ tracking: { "clé\uFFFD": "\uFFFDx" } });
    expect(readLeadJson(row.payloadRaw as Buffer)?.value).toEqual(JSON.parse(body));
  });

  it("bytes that are not UTF-8: field_invalid on the field that holds them, the bytes kept", async () => {
    const lead = validLead(version, { externalRef: "REF-@@" });
    const [before, after] = JSON.stringify(lead).split("@@") as [string, string];
    const body = Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]);
    const res = await send(body);
    expect(reasonsOf(res)).toEqual([expect.objectContaining({ code: "field_invalid", field: "externalRef" })]);
    const row = await stored(res.json().id);
    expect(row.payloadRaw?.equals(body)).toBe(true);
    expect(row.payload).toMatchObject({ externalRef: "REF-\uFFFD" });
  });

  it("JSON nested 4,100 levels deep (an 8 KB body): rejected as too deep, its text kept", async () => {
    for (const where of ["extra", "fields"]) {
      const deep = `${"[".repeat(4100)}${"]".repeat(4100)}`;
      const body = JSON.stringify(validLead(version)).replace(/}$/, `,"${where}2":1,"${where}":${deep}}`);
      const res = await send(body);
      expect(res.statusCode).toBe(422);
      expect(reasonsOf(res)).toEqual([expect.objectContaining({ code: "nesting_too_deep", field: `${where}${".0".repeat(31)}` })]);
      const row = await stored(res.json().id);
      expect(row.payload).toBe(body);
      expect(row.payloadRaw?.equals(Buffer.from(body))).toBe(true);
    }
  });
});

describe("wrong types and unknown keys", () => {
  it("a value of the wrong type or too long is a field_invalid reason, and everything sent is stored", async () => {
    const lead = validLead(version);
    const sent = {
      ...lead,
      contact: { ...lead.contact, phone: 612345678, address: "1 rue de la Paix" },
      consent: { ...lead.consent, prechecked: "false" },
      externalRef: "x".repeat(201),
      utm_source: "newsletter",
    };
    const res = await send(JSON.stringify(sent));
    expect(res.statusCode).toBe(422);
    const byField = Object.fromEntries(reasonsOf(res).map((r) => [r.field, r.code]));
    expect(byField).toEqual({ "contact.phone": "field_invalid", "consent.prechecked": "field_invalid", externalRef: "field_invalid" });
    const row = await stored(res.json().id);
    expect(row.payload).toEqual(sent);
    expect(row.payloadRaw).toBeNull();
  });

  it("keeps the keys the API does not know with an accepted lead", async () => {
    const lead = validLead(version);
    const sent = { ...lead, utm_source: "newsletter", contact: { ...lead.contact, address: "1 rue de la Paix" } };
    const body = JSON.stringify(sent).replace(/}$/, ',"__proto__":{"admin":true}}');
    const res = await send(body);
    expect(res.statusCode).toBe(201);
    const row = await stored(res.json().id);
    expect(row.payload).toEqual(JSON.parse(body));
    expect(Object.keys(row.payload as object)).toContain("__proto__");
  });
});

describe("what is refused, with a stable code, and stores nothing", () => {
  it("a body that is not a JSON object: 400 validation_error on the body", async () => {
    const before = await storedCount();
    for (const body of ["[]", '"lead"', "42", "null", "{", "", '{"a":1}x']) {
      const res = await send(body);
      expect(res.statusCode, body).toBe(400);
      expect(res.json().error).toMatchObject({ code: "validation_error", field: "body" });
    }
    const headers = (type: string) => ({ ...bearer(key), "content-type": type });
    const text = await ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: headers("text/plain"), payload: "{}" });
    expect(text.json().error).toMatchObject({
      code: "validation_error",
      field: "body",
      message: expect.stringContaining("application/json"),
    });
    const form = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads",
      headers: headers("application/x-www-form-urlencoded"),
      payload: "a=1",
    });
    expect(form.statusCode).toBe(415);
    expect(await storedCount()).toBe(before);
  });

  it("no credentials: 401 unauthenticated, a wrong key: 401 api_key_invalid", async () => {
    expect((await send("{}", "/api/v1/leads", {})).json().error.code).toBe("unauthenticated");
    expect((await send('{"a":"\u0000"}', "/api/v1/leads", bearer("la_live_nope"))).json().error.code).toBe("api_key_invalid");
  });

  it("a batch whose `leads` is not a list of 1 to 1,000: 400 on body.leads", async () => {
    for (const leadsValue of ['"x"', "[]", "{}"]) {
      const res = await send(`{"leads":${leadsValue}}`, "/api/v1/leads/batch");
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe("body.leads");
    }
  });
});

describe("a batch answers item by item", () => {
  it("stores every item, whatever each holds, each with its own bytes when it needs them", async () => {
    const nul = JSON.stringify({ ...validLead(version), note: "a\u0000b" });
    const items = [
      JSON.stringify(validLead(version)),
      '{ "contact" : { "phone" : 5 } }',
      "42",
      nul,
      `{"deep":${"[".repeat(40)}${"]".repeat(40)}}`,
      '"\\ud800"',
      '"42"',
    ];
    const res = await send(`{"leads": [ ${items.join(" ,\n ")} ] , "other": [1]}`, "/api/v1/leads/batch");
    expect(res.statusCode).toBe(200);
    const { results } = res.json() as { results: { id: string; status: string; reasons?: Reason[] }[] };
    expect(results.map((r) => r.status)).toEqual(["accepted", "rejected", "rejected", "accepted", "rejected", "rejected", "rejected"]);
    expect(results.map((r) => r.reasons?.[0]?.code)).toEqual([
      undefined,
      "field_invalid",
      "lead_not_object",
      undefined,
      "nesting_too_deep",
      "lead_not_object",
      "lead_not_object",
    ]);
    const rows = await Promise.all(results.map((r) => stored(r.id)));
    expect(rows.map((r) => r.payloadRaw?.toString() ?? null)).toEqual([null, null, null, nul, items[4], items[5], null]);
    expect(rows[2]?.payload).toBe(42);
    expect(rows[5]?.payload).toBe("\uFFFD");
    expect(rows[6]?.payload).toBe("42");
  });
});

describe("every channel", () => {
  it("the manual form (a session) stores a lead with a NUL like the API", async () => {
    const session = await login(ctx.app, email);
    const body = JSON.stringify({ ...validLead(version), contact: { lastName: "\u0000" } });
    const res = await send(body, "/api/v1/leads", asUser(session));
    expect(res.statusCode).toBe(422);
    expect((await stored(res.json().id)).channel).toBe("form");
  });

  it("an Idempotency-Key replays a lead it could not read as a lead", async () => {
    const body = `{"x":${"[".repeat(50)}${"]".repeat(50)}}`;
    const first = await send(body, "/api/v1/leads", { ...bearer(key), "idempotency-key": "deep-1" });
    const again = await send(body, "/api/v1/leads", { ...bearer(key), "idempotency-key": "deep-1" });
    expect(first.statusCode).toBe(422);
    expect(again.json()).toEqual(first.json());
    expect(again.headers["idempotent-replayed"]).toBe("true");
  });
});
