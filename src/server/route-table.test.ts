import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../tests/support/test-app";
import { loadConfig } from "../platform/config";
import { buildApp } from "./app";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe("route table", () => {
  it("every route declares its access and, when not public, its organisation scope", () => {
    const routes = ctx.app.routeTable;
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      const a = r.access as { public?: boolean; why?: string; roles?: string[]; scope?: string } | undefined;
      expect(a, `${r.method} ${r.url}`).toBeDefined();
      if (a?.public) expect(a.why, `${r.method} ${r.url}`).toBeTruthy();
      else {
        expect(a?.roles?.length, `${r.method} ${r.url}`).toBeGreaterThan(0);
        expect(["organisation", "platform"], `${r.method} ${r.url}`).toContain(a?.scope);
      }
    }
  });

  it("refuses to start when a route has no access declaration", async () => {
    const app = await buildApp({ database: ctx.database, config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), clock: ctx.clock });
    expect(() => app.get("/api/v1/oops", async () => "x")).toThrow(/no access declaration/);
    await app.close().catch(() => {});
  });

  it("answers 404 with a French message on an unknown API route", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});
