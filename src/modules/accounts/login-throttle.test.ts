import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, createOrgWithUser, createTestApp, TEST_PASSWORD, type TestContext } from "../../../tests/support/test-app";
import { loadConfig } from "../../platform/config";
import type { App } from "../../platform/deps";
import { auditEvents } from "../audit/schema";
import { LOGIN_LIMITS } from "./login-throttle";
import { loginThrottle } from "./schema";

// One app trusts no proxy (the default); the other sits behind load balancers in 10.0.0.0/24.
let direct: TestContext;
let behindProxy: App;
beforeAll(async () => {
  direct = await createTestApp();
  behindProxy = await buildApp({
    database: direct.database,
    config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", TRUST_PROXY: "10.0.0.0/24" }),
    clock: direct.clock,
  });
  await behindProxy.ready();
});
afterAll(async () => {
  await behindProxy.close();
  await direct.close();
});

let n = 0;
const address = () => `198.51.100.${++n}`;
const attempt = (app: App, email: string, opts: { password?: string; from: string; forwardedFor?: string }) =>
  app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress: opts.from,
    headers: opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor } : {},
    payload: { email, password: opts.password ?? "wrong-password" },
  });
const codes = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode);
const stranger = () => `nobody-${++n}-${Math.random().toString(36).slice(2, 8)}@test.local`;

describe("login limits", () => {
  it("limits one account to 10 failures per quarter of an hour, whatever address they come from", async () => {
    const { email } = await createOrgWithUser(direct, "supplier");
    const res = [];
    for (let i = 0; i < 12; i++) res.push(await attempt(direct.app, email, { from: address() }));
    expect(codes(res)).toEqual([...Array(LOGIN_LIMITS.perAccount).fill(401), 429, 429]);
    expect(res[11]?.json().error.code).toBe("too_many_requests");
    expect(Number(res[11]?.headers["retry-after"])).toBeGreaterThan(800);
    // Even the right password waits: the account is being guessed.
    expect((await attempt(direct.app, email, { from: address(), password: TEST_PASSWORD })).statusCode).toBe(429);
  });

  it("limits one address trying 30 accounts, and only that address", async () => {
    const from = address();
    const res = [];
    for (let i = 0; i < 30; i++) res.push(await attempt(direct.app, stranger(), { from }));
    expect(codes(res)).toEqual([...Array(LOGIN_LIMITS.perAddress).fill(401), ...Array(30 - LOGIN_LIMITS.perAddress).fill(429)]);
    const { email } = await createOrgWithUser(direct, "supplier");
    expect((await attempt(direct.app, email, { from: address(), password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("is not fooled by a forged X-Forwarded-For when no proxy is trusted", async () => {
    const from = address();
    const res = [];
    for (let i = 0; i < 25; i++) res.push(await attempt(direct.app, stranger(), { from, forwardedFor: `203.0.113.${i + 1}` }));
    expect(codes(res).filter((c) => c === 429)).toHaveLength(25 - LOGIN_LIMITS.perAddress);
  });

  it("behind a trusted proxy, reads the address the proxy saw, not one the client prepended", async () => {
    const client = "192.0.2.77";
    const res = [];
    for (let i = 0; i < 25; i++)
      res.push(await attempt(behindProxy, stranger(), { from: "10.0.0.2", forwardedFor: `203.0.113.${i + 1}, ${client}` }));
    expect(codes(res).filter((c) => c === 429)).toHaveLength(25 - LOGIN_LIMITS.perAddress);
    const failed = await direct.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.login_failed")));
    const ips = new Set(failed.map((f) => (f.data as { ip: string }).ip));
    expect(ips.has(client)).toBe(true);
    expect([...ips].some((ip) => ip.startsWith("203.0.113."))).toBe(false);
  });

  it("does not count the successful logins of an office behind one address", async () => {
    const from = address();
    const people = await Promise.all(Array.from({ length: 25 }, () => createOrgWithUser(direct, "broker_agent")));
    for (const p of people) expect((await attempt(direct.app, p.email, { from, password: TEST_PASSWORD })).statusCode).toBe(200);
    expect((await attempt(direct.app, stranger(), { from })).statusCode).toBe(401);
  });

  it("counts a burst of parallel guesses before checking any password, across instances", async () => {
    const { email } = await createOrgWithUser(direct, "supplier");
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(i % 2 === 0 ? direct.app : behindProxy, email, { from: address() })),
    );
    expect(codes(burst).filter((c) => c === 401)).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(codes(burst).filter((c) => c === 429)).toHaveLength(30 - LOGIN_LIMITS.perAccount);
  });

  it("keeps neither e-mails nor addresses in its counters", async () => {
    const rows = await direct.db.select().from(loginThrottle);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).toMatch(/^[0-9a-f]{64}$/);
  });
});
