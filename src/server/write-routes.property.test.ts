import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture } from "../../tests/factories/followup";
import { validLead } from "../../tests/factories/leads";
import { newFollowup } from "../../tests/support/followup-api";
import { editedBody, edits, highBytes, hostileText, insert } from "../../tests/support/hostile-input";
import {
  asUser,
  bearer,
  createOrgWithUser,
  createTestApp,
  login,
  publishTestConsentText,
  type Session,
  type TestContext,
} from "../../tests/support/test-app";
import type { Role } from "../modules/accounts/schema";
import type { RouteAccess } from "../platform/access";

/**
 * Property (issue 8 §2): no input gets a 5xx, on any route. Hostile values are put into plausible bodies
 * of the write routes (login, CRM, follow-up), into the query strings of every route (searches, under the
 * keys each route reads), into the path parameters (ids), and into any body of every route of the table;
 * each answer is below 500, and a 4xx carries a stable code.
 */

let ctx: TestContext;
let fx: BrokerFixture;
let sessions: Record<Role, Session>;
let ids: Record<string, string>;
beforeAll(async () => {
  ctx = await createTestApp();
  fx = await brokerFixture(ctx);
  const supplier = await createOrgWithUser(ctx, "supplier");
  const platform = await createOrgWithUser(ctx, "platform_admin");
  sessions = {
    broker_admin: fx.admin.session,
    broker_agent: fx.agent.session,
    supplier: await login(ctx.app, supplier.email),
    platform_admin: await login(ctx.app, platform.email),
  };
  const version = (await publishTestConsentText(ctx)).version;
  const lead = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/leads",
    headers: bearer(supplier.apiKey as string),
    payload: validLead(version),
  });
  const followup = await newFollowup(ctx, fx);
  ids = {
    "/api/v1/followups/": followup.id,
    "/api/v1/crm/clients/": followup.client.id,
    "/api/v1/crm/contracts/": followup.contracts[0]?.id as string,
    "/api/v1/crm/agencies/": fx.otherAgencyId,
    "/api/v1/crm/team/": fx.proAgent.id,
    "/api/v1/leads/": lead.json().id,
  };
});
afterAll(() => ctx.close());

interface Call {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * A route's URL with its parameters filled: the ids made in beforeAll where the route takes one, else a
 * random UUID; or, when given, one hostile value (already percent-encoded) in every parameter.
 */
function urlOf(route: Call, query = "", param?: string): string {
  const filled = route.url.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    if (param !== undefined) return param;
    if (name === "slug") return "assurance-auto";
    // DELETE only ever meets a random id: the fixture's agency or key must outlive the run.
    const prefix = Object.keys(ids).find((p) => route.url.startsWith(p) && route.url.indexOf(`:${name}`) === p.length);
    return route.method !== "DELETE" && prefix ? (ids[prefix] as string) : randomUUID();
  });
  return `${filled}${query}`;
}

function headersFor(route: Call): Record<string, string> {
  if (route.access.public) return {};
  const role = route.access.roles[0] as Role;
  return asUser(sessions[role]);
}

async function expectNo5xx(route: Call, payload: Buffer | undefined, query = "", contentType = "application/json", param?: string) {
  const res = await ctx.app.inject({
    method: route.method as "POST",
    url: urlOf(route, query, param),
    headers: { ...headersFor(route), ...(payload ? { "content-type": contentType } : {}) },
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, `${route.method} ${route.url}${query}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  // A 4xx names a stable code: an error's, or (a lead rejected at intake) each reason's.
  if (res.statusCode >= 400 && res.headers["content-type"]?.toString().includes("json")) {
    const answer = res.json() as { error?: { code: string }; reasons?: { code: string }[] };
    const codes = answer.error ? [answer.error.code] : (answer.reasons ?? []).map((r) => r.code);
    expect(codes.length, `${route.method} ${route.url}`).toBeGreaterThan(0);
    for (const code of codes) expect(code, `${route.method} ${route.url}: ${res.body.slice(0, 300)}`).toMatch(/^[a-z_]+$/);
  }
}

const route = (method: string, url: string): Call => {
  const found = ctx.app.routeTable.find((r) => r.method === method && r.url === url);
  if (!found) throw new Error(`no route ${method} ${url}`);
  return found as Call;
};

/** Plausible bodies of the write routes, for hostile values to land beside valid ones and reach deep. */
const BASES: [string, string, object][] = [
  ["POST", "/api/v1/auth/login", { email: "someone@example.fr", password: "not-the-password" }],
  [
    "POST",
    "/api/v1/crm/clients",
    {
      client: {
        type: "particulier",
        civility: "Mme",
        firstName: "Claire",
        lastName: "Dupont",
        postalCode: "13001",
        city: "Marseille",
        phone: "06 12 34 56 78",
      },
      contract: { productLine: "auto", startDate: "2026-01-15", premiumCents: 64_500, documentsProvided: ["carte_grise"] },
    },
  ],
  ["PATCH", "/api/v1/crm/clients/:id", { firstName: "Claire", city: "Marseille", email: "claire@example.fr" }],
  ["POST", "/api/v1/crm/clients/:id/contracts", { productLine: "habitation", startDate: "2026-02-01", premiumCents: 30_000 }],
  ["PATCH", "/api/v1/crm/contracts/:id", { premiumCents: 70_000, summary: "une auto", insurerName: "Allianz" }],
  ["POST", "/api/v1/crm/agencies", { name: "Vieux-Port", brand: "Allianz", phone: "04 91 00 00 00" }],
  ["POST", "/api/v1/followups/:id/transitions", { event: "start_call" }],
  ["POST", "/api/v1/followups/:id/checklist-reviews", { reviews: [{ key: "phone", status: "modified", value: "06 99 88 77 66" }] }],
  ["POST", "/api/v1/followups/:id/contract-validations", { contractId: "x", status: "complete", note: "ok" }],
  ["PUT", "/api/v1/followups/:id/action-plan", { actions: [{ kind: "appel", note: "rappeler" }] }],
  ["POST", "/api/v1/followups/:id/callback", { callbackAt: "2027-01-05T10:00:00+01:00" }],
  ["POST", "/api/v1/opt-out", { phone: "06 12 34 56 78" }],
  ["POST", "/api/v1/api-keys", { name: "intégration" }],
  ["POST", "/api/v1/imports", { product: "assurance-auto", filename: "leads.csv", sizeBytes: 10 }],
];

/** A query string with hostile values: UTF-8 percent-encoded, raw %XX bytes that are not UTF-8, %00. */
const queryValue = fc.oneof(
  hostileText.map((t) => [...Buffer.from(t, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
  highBytes.map((bytes) => [...bytes].map((b) => `%${b.toString(16)}`).join("")),
  fc.constantFrom("%00", "a%00b", "%ED%A0%80", "-1", "1e400", "[]", "__proto__"),
);
const COMMON_KEYS = ["q", "page", "pageSize", "limit", "cursor", "status", "product", "from", "to", "month", "type", "agencyId"];
/** Hostile values under common keys and, given, the keys a route reads. */
const queryWith = (keys: string[]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...COMMON_KEYS, ...keys), queryValue), { minLength: 1, maxLength: 3 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`);
const query = queryWith([]);

/** Every API route but logout (which would end the sessions the other calls use). */
const apiRoutes = () =>
  ctx.app.routeTable.filter((r) => r.url.startsWith("/api/") && r.method !== "HEAD" && r.url !== "/api/v1/auth/logout");

/** The keys of a route's querystring schema (a zod object), if it declares one. */
function queryKeysOf(route: { schema?: { querystring?: unknown } }): string[] {
  const shape = (route.schema?.querystring as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

describe("no 5xx, whatever is sent", () => {
  it("write routes (login, CRM, follow-up…): hostile values in plausible bodies", async () => {
    const base = fc.constantFrom(...BASES);
    await fc.assert(
      fc.asyncProperty(base, edits, async ([method, url, body], changes) => {
        await expectNo5xx(route(method, url), editedBody(body, changes));
      }),
      { numRuns: 120 },
    );
  });

  it("every route: hostile query strings (searches) and bodies", async () => {
    const routes = apiRoutes();
    const body = fc.oneof(
      insert.map((i) => editedBody({}, [{ path: ["x"], insert: i }])),
      edits.map((changes) => editedBody({}, changes)),
      fc.constantFrom("", "[]", "null", '"x"', "{", "\u0000").map((t) => Buffer.from(t)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), query, fc.option(body), async (r, q, b) => {
        await expectNo5xx(r, r.method === "GET" || r.method === "DELETE" ? undefined : (b ?? undefined), q);
      }),
      { numRuns: 250 },
    );
  });

  it("every route with parameters: hostile ids in the path, hostile values under the keys its query reads", async () => {
    const routes = apiRoutes();
    const withParams = routes.filter((r) => r.url.includes(":"));
    const withQuery = routes.filter((r) => queryKeysOf(r).length > 0);
    expect(withParams.length).toBeGreaterThan(20);
    expect(withQuery.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withParams), queryValue, async (r, param) => {
        await expectNo5xx(r, r.method === "GET" || r.method === "DELETE" ? undefined : Buffer.from("{}"), "", "application/json", param);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withQuery).chain((r) => fc.tuple(fc.constant(r), queryWith(queryKeysOf(r)))),
        async ([r, q]) => {
          await expectNo5xx(r, r.method === "GET" ? undefined : Buffer.from("{}"), q);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("CSV uploads of the CRM import: hostile cells", async () => {
    const cell = fc.oneof(
      hostileText.map((t) => Buffer.from(t.toWellFormed())),
      highBytes.map((b) => Buffer.from(b)),
    );
    const file = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })
      .map((rows) =>
        Buffer.concat([
          Buffer.from("Nom;Produit;Effet;Note\r\n"),
          ...rows.map((cells) => Buffer.concat([...cells.flatMap((c) => [c, Buffer.from(";")]), Buffer.from("\r\n")])),
        ]),
      );
    await fc.assert(
      fc.asyncProperty(file, async (csv) => {
        await expectNo5xx(route("POST", "/api/v1/crm/imports/preview"), csv, "", "text/csv");
        const created = await ctx.app.inject({
          method: "POST",
          url: "/api/v1/crm/imports",
          headers: asUser(sessions.broker_admin),
          payload: { filename: "crm.csv", mapping: { Nom: "lastName", Produit: "productLine", Effet: "startDate" } },
        });
        expect(created.statusCode, created.body).toBe(201);
        const upload = {
          method: "PUT",
          url: `/api/v1/crm/imports/${created.json().id}/file`,
          access: route("PUT", "/api/v1/crm/imports/:id/file").access,
        };
        const res = await ctx.app.inject({
          method: "PUT",
          url: upload.url,
          headers: { ...asUser(sessions.broker_admin), "content-type": "text/csv" },
          payload: csv,
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 15 },
    );
  });
});

// Here because the fixture's ids are here: each is a real resource of one organisation.
describe("one organisation never reads another's", () => {
  it("every GET route given an id of the fixture's organisations: 200 for its owner, 403 or 404 for another organisation", async () => {
    const strangers: Partial<Record<Role, Session>> = {};
    for (const role of ["broker_admin", "broker_agent", "supplier"] as const)
      strangers[role] = await login(ctx.app, (await createOrgWithUser(ctx, role)).email);
    const owned = apiRoutes().filter(
      (r) => r.method === "GET" && Object.keys(ids).some((p) => r.url.startsWith(p) && r.url.indexOf(":") === p.length),
    );
    expect(owned.length).toBeGreaterThanOrEqual(5);
    for (const r of owned) {
      const url = urlOf(r);
      const roles = r.access.public ? [] : r.access.roles.filter((role) => role !== "platform_admin");
      // The fixture's admin owns the CRM and follow-up ids, its supplier the lead: the id is real.
      const owner = roles.includes("broker_admin") ? sessions.broker_admin : roles.includes("supplier") ? sessions.supplier : null;
      if (owner) {
        const res = await ctx.app.inject({ method: "GET", url, headers: asUser(owner) });
        expect(res.statusCode, `${r.url} for its owner: ${res.body.slice(0, 200)}`).toBe(200);
      }
      for (const role of roles) {
        const stranger = strangers[role];
        if (!stranger) continue;
        const res = await ctx.app.inject({ method: "GET", url, headers: asUser(stranger) });
        expect([403, 404], `${r.url} for another organisation's ${role}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      }
    }
  });
});
