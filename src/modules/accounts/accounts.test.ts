import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser, bearer, createOrgWithUser, createTestApp, login, type TestContext } from "../../../tests/support/test-app";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe("login and sessions", () => {
  it("logs in, reads the session, and logs out", async () => {
    const { email } = await createOrgWithUser(ctx, "supplier");
    const s = await login(ctx.app, email);
    const me = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(email);
    const out = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: asUser(s) });
    expect(out.statusCode).toBe(204);
    const after = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("unauthenticated");
  });

  it("sets an httpOnly SameSite cookie", async () => {
    const { email } = await createOrgWithUser(ctx, "broker_agent");
    const res = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: "test-password-123" } });
    const cookie = res.cookies.find((c) => c.name === "la_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  it("refuses a wrong password with a French message", async () => {
    const { email } = await createOrgWithUser(ctx, "supplier");
    const res = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: "nope" } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: "login_failed", message: "E-mail ou mot de passe incorrect" });
  });

  it("throttles repeated login attempts", async () => {
    const { email } = await createOrgWithUser(ctx, "supplier");
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: `wrong-${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it("rejects a cookie-authenticated write without the CSRF token", async () => {
    const { email } = await createOrgWithUser(ctx, "supplier");
    const s = await login(ctx.app, email);
    const res = await ctx.app.inject({ method: "POST", url: "/api/v1/api-keys", headers: { cookie: s.cookie }, payload: { name: "x" } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_invalid");
  });

  it("gives a 400 with the field at fault for a bad body", async () => {
    const res = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "a" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_error");
    expect(res.json().error.field).toMatch(/^body\./);
  });
});

describe("API keys", () => {
  it("creates a key shown once, authenticates with it, then revokes it", async () => {
    const { email } = await createOrgWithUser(ctx, "supplier");
    const s = await login(ctx.app, email);
    const created = await ctx.app.inject({ method: "POST", url: "/api/v1/api-keys", headers: asUser(s), payload: { name: "Site web" } });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    expect(secret).toMatch(/^la_live_/);

    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/api-keys", headers: { cookie: s.cookie } });
    const listed = list.json().items.find((k: { id: string }) => k.id === id);
    expect(listed.name).toBe("Site web");
    expect(JSON.stringify(list.json())).not.toContain(secret);

    const viaKey = await ctx.app.inject({ method: "GET", url: "/api/v1/leads", headers: bearer(secret) });
    expect(viaKey.statusCode).toBe(200);

    const revoked = await ctx.app.inject({ method: "DELETE", url: `/api/v1/api-keys/${id}`, headers: asUser(s) });
    expect(revoked.statusCode).toBe(204);
    const after = await ctx.app.inject({ method: "GET", url: "/api/v1/leads", headers: bearer(secret) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("api_key_invalid");
  });

  it("shows when a key was last used, written at most once a minute rather than on every call", async () => {
    const { email } = await createOrgWithUser(ctx, "supplier");
    const s = await login(ctx.app, email);
    const { id, secret } = (
      await ctx.app.inject({ method: "POST", url: "/api/v1/api-keys", headers: asUser(s), payload: { name: "Flux" } })
    ).json();
    const lastUsed = async () =>
      (await ctx.app.inject({ method: "GET", url: "/api/v1/api-keys", headers: { cookie: s.cookie } }))
        .json()
        .items.find((k: { id: string }) => k.id === id).lastUsedAt as string | null;
    expect(await lastUsed()).toBeNull();

    const before = Date.now();
    await ctx.app.inject({ method: "GET", url: "/api/v1/leads", headers: bearer(secret) });
    // The write does not hold up the request: it lands just after.
    await expect.poll(lastUsed).not.toBeNull();
    const first = await lastUsed();
    expect(new Date(first ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);

    for (let i = 0; i < 5; i++) await ctx.app.inject({ method: "GET", url: "/api/v1/leads", headers: bearer(secret) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await lastUsed()).toBe(first);
  });

  it("does not let a supplier revoke another supplier's key", async () => {
    const a = await createOrgWithUser(ctx, "supplier");
    const b = await createOrgWithUser(ctx, "supplier");
    const sa = await login(ctx.app, a.email);
    const sb = await login(ctx.app, b.email);
    const created = await ctx.app.inject({ method: "POST", url: "/api/v1/api-keys", headers: asUser(sa), payload: { name: "A" } });
    const res = await ctx.app.inject({ method: "DELETE", url: `/api/v1/api-keys/${created.json().id}`, headers: asUser(sb) });
    expect(res.statusCode).toBe(404);
  });

  it("refuses supplier routes to a broker", async () => {
    const { email } = await createOrgWithUser(ctx, "broker_agent");
    const s = await login(ctx.app, email);
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/api-keys", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
  });
});
