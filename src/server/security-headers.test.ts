import { afterAll, describe, expect, it } from "vitest";
import { PRODUCTION_ENV } from "../../tests/support/evidence-keys";
import { createTestApp, type TestContext } from "../../tests/support/test-app";

const PRODUCTION = PRODUCTION_ENV;
const apps: TestContext[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

async function headersOf(env: Record<string, string>) {
  const ctx = await createTestApp(env);
  apps.push(ctx);
  return (await ctx.app.inject({ method: "GET", url: "/api/v1/catalogue" })).headers;
}

describe("security headers", () => {
  it("in production: CSP without inline code, no framing, nosniff, HSTS and https upgrades", async () => {
    const h = await headersOf(PRODUCTION);
    expect(h["content-security-policy"]).toContain("default-src 'self'");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(h["content-security-policy"]).not.toContain("unsafe");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("in development: the same policy, without pinning http://localhost to https", async () => {
    const h = await headersOf({});
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(h["strict-transport-security"]).toBeUndefined();
  });
});
