import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCTION_ENV } from "../../tests/support/evidence-keys";
import { asUser, bearer, createOrgWithUser, createTestApp, login, type Session, type TestContext } from "../../tests/support/test-app";

/**
 * Input the database cannot store, on routes other than intake (issue 8 §2): each of these was a 500.
 * Now a 400 naming the field, before anything is written.
 */

let ctx: TestContext;
let broker: Session;
let supplierKey: string;
beforeAll(async () => {
  // Production settings: the login is public there too.
  ctx = await createTestApp(PRODUCTION_ENV);
  broker = await login(ctx.app, (await createOrgWithUser(ctx, "broker_admin")).email);
  supplierKey = (await createOrgWithUser(ctx, "supplier")).apiKey as string;
});
afterAll(() => ctx.close());

const postJson = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: "POST", url, headers: { ...headers, "content-type": "application/json" }, payload: body });
const errorOf = (res: { statusCode: number; json(): { error: { code: string; field?: string; message: string } } }) => ({
  status: res.statusCode,
  ...res.json().error,
});

describe("text the database cannot store is a 400 naming the field", () => {
  it("a NUL or half a surrogate pair in a login (unauthenticated)", async () => {
    for (const email of ['"a\\u0000b@example.fr"', '"\\ud800@example.fr"']) {
      const res = await postJson("/api/v1/auth/login", `{"email":${email},"password":"x"}`);
      expect(errorOf(res)).toMatchObject({ status: 400, code: "validation_error", field: "body.email" });
      expect(res.json().error.message).toMatch(/^E-mail : caractère nul/);
    }
  });

  it("a NUL in a CRM client created or changed", async () => {
    const body = JSON.stringify({ client: { type: "particulier", lastName: "Du\u0000pont" }, contract: {} });
    expect(errorOf(await postJson("/api/v1/crm/clients", body, asUser(broker)))).toMatchObject({
      status: 400,
      field: "body.client.lastName",
    });
    const patch = await ctx.app.inject({
      method: "PATCH",
      url: "/api/v1/crm/clients/00000000-0000-4000-8000-000000000000",
      headers: asUser(broker),
      payload: { notes: "\u0000" },
    });
    expect(errorOf(patch)).toMatchObject({ status: 400, field: "body.notes" });
  });

  it("a NUL in a search, and in a path parameter", async () => {
    const search = await ctx.app.inject({ method: "GET", url: "/api/v1/crm/clients?q=%00", headers: asUser(broker) });
    expect(errorOf(search)).toMatchObject({ status: 400, field: "querystring.q" });
    expect(search.json().error.message).not.toContain("querystring");
    const market = await ctx.app.inject({ method: "GET", url: "/api/v1/market/leads?departement=%00", headers: asUser(broker) });
    expect(errorOf(market)).toMatchObject({ status: 400, field: "querystring.departement" });
    expect(market.json().error.message).toMatch(/^Département : caractère nul/);
    const leads = await ctx.app.inject({ method: "GET", url: "/api/v1/leads?q=a%00", headers: bearer(supplierKey) });
    expect(errorOf(leads)).toMatchObject({ status: 400, field: "querystring.q" });
    const param = await ctx.app.inject({ method: "GET", url: "/api/v1/catalogue/a%00b/template.csv" });
    expect(errorOf(param)).toMatchObject({ status: 400, field: "params.slug" });
  });

  it("a path whose escapes are not UTF-8 or a segment past the router's limit, gets the answer of any invalid request, not Fastify's own", async () => {
    for (const id of ["%80", "%FF%FE", "a%C3"]) {
      const res = await ctx.app.inject({ method: "GET", url: `/api/v1/crm/clients/${id}`, headers: asUser(broker) });
      expect(errorOf(res), id).toMatchObject({ status: 400, code: "validation_error", field: "url" });
      expect(res.json().error.message).toContain("mal encodés");
    }
    const long = await postJson(`/api/v1/followups/${"a".repeat(150)}/tns-requalification`, "{}", asUser(broker));
    expect(errorOf(long)).toMatchObject({ status: 400, code: "validation_error", field: "url" });
    expect(long.json().error.message).toContain("dépasse 100 caractères");
  });

  it("an unknown route stays a 404, whatever the body", async () => {
    expect(errorOf(await postJson("/api/v1/nothing-here", '{"a":"\\u0000"}'))).toMatchObject({ status: 404, code: "not_found" });
  });

  it("JSON nested 4,100 levels deep, and a body that is not UTF-8", async () => {
    const deep = `{"email":"a@b.fr","password":${"[".repeat(4100)}${"]".repeat(4100)}}`;
    expect(errorOf(await postJson("/api/v1/auth/login", deep))).toMatchObject({
      status: 400,
      field: `body.password${".0".repeat(31)}`,
      message: "Corps de la requête : structure trop imbriquée (32 niveaux au plus)",
    });
    const latin1 = Buffer.from('{"email":"\xe9@b.fr","password":"x"}', "latin1");
    expect(errorOf(await postJson("/api/v1/auth/login", latin1))).toMatchObject({ status: 400, code: "validation_error", field: "body" });
  });
});
