import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgWithUser, createTestApp, login, type TestContext } from "../../../../tests/support/test-app";
import { checkPostalCode } from "../postal-codes";
import { checkPostalCodeWith, type PostalCodeEntry } from "../rules/communes";

let ctx: TestContext;
let supplierCookie: string;
let brokerCookie: string;
beforeAll(async () => {
  ctx = await createTestApp();
  supplierCookie = (await login(ctx.app, (await createOrgWithUser(ctx, "supplier")).email)).cookie;
  brokerCookie = (await login(ctx.app, (await createOrgWithUser(ctx, "broker_agent")).email)).cookie;
});
afterAll(() => ctx.close());

const entry = async (code: string, cookie = supplierCookie) => {
  const res = await ctx.app.inject({
    method: "GET",
    url: `/api/v1/reference/postal-codes/${encodeURIComponent(code)}`,
    headers: { cookie },
  });
  return { status: res.statusCode, body: res.json() as PostalCodeEntry | { postalCode: null; communes: [] }, headers: res.headers };
};

describe("GET /api/v1/reference/postal-codes/:code", () => {
  it("answers the communes of one postal code with their routing labels, for suppliers and brokers alike", async () => {
    const marseille = await entry("13001");
    expect(marseille.status).toBe(200);
    expect(marseille.body).toEqual({
      postalCode: "13001",
      communes: [{ name: "Marseille 1er Arrondissement", inseeCode: "13201", routingLabels: ["MARSEILLE"] }],
    });
    expect(marseille.headers["cache-control"]).toBe("private, max-age=86400");
    const ajaccio = await entry("20167", brokerCookie);
    expect(ajaccio.body.communes.find((c) => c.name === "Ajaccio")?.routingLabels).toContain("MEZZAVIA");
  });

  it("says a code no commune has is unknown, and needs a session", async () => {
    expect((await entry("99999")).body).toEqual({ postalCode: null, communes: [] });
    expect((await entry("abc")).body).toEqual({ postalCode: null, communes: [] });
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/reference/postal-codes/13001" })).statusCode).toBe(401);
  });

  it("gives the browser, checking on the entry it fetched, the very answers of the server's full index", async () => {
    const cases: [string, string][] = [
      ["13008", "Marseille"],
      ["13008", "Marseille 8e"],
      ["13008", "Marseille 3e"],
      ["75015", "Paris"],
      ["75015", "Issy-les-Moulineaux"],
      ["20167", "Mezzavia"],
      ["6400", "CANNES"],
      ["97110", "POINTE A PITRE"],
      ["42000", "St Etienne"],
      ["13001", "Lyon"],
      ["99999", "Paris"],
      ["1300", "Marseille"],
    ];
    for (const [code, city] of cases) {
      const fetched = (await entry(code)).body;
      const lookup = (pc: string) => (fetched.postalCode === pc ? (fetched as PostalCodeEntry) : null);
      expect(checkPostalCodeWith(lookup, code, city), `${code} ${city}`).toEqual(checkPostalCode(code, city));
    }
  });
});
