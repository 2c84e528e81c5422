import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgWithUser, createTestApp, type TestContext } from "../../../tests/support/test-app";
import { CREDENTIAL_CACHE_MS } from "./credential-cache";
import { sessions } from "./schema";
import { createSession, deleteSession, resolveSession, SESSION_TTL_MS } from "./sessions";
import { sha256 } from "./tokens";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const T0 = new Date("2026-10-25T00:59:58.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

async function newSession() {
  const { user, org } = await createOrgWithUser(ctx, "broker_admin");
  const session = await createSession(ctx.db, user.id, T0);
  return { ...session, userId: user.id, orgId: org.id };
}

describe("resolveSession on a real database", () => {
  it("answers for the session's user and organisation", async () => {
    const s = await newSession();
    expect(await resolveSession(ctx.db, s.token, T0)).toMatchObject({
      userId: s.userId,
      orgId: s.orgId,
      role: "broker_admin",
      via: "session",
      csrfToken: s.csrfToken,
    });
  });

  it("ends a session logged out on another instance within CREDENTIAL_CACHE_MS, and at once on this one", async () => {
    const elsewhere = await newSession();
    expect(await resolveSession(ctx.db, elsewhere.token, T0)).not.toBeNull();
    // Another instance's logout: the row goes, this instance is not told.
    await ctx.db.delete(sessions).where(eq(sessions.id, sha256(elsewhere.token)));
    expect(await resolveSession(ctx.db, elsewhere.token, later(CREDENTIAL_CACHE_MS - 1))).not.toBeNull();
    expect(await resolveSession(ctx.db, elsewhere.token, later(CREDENTIAL_CACHE_MS))).toBeNull();

    const here = await newSession();
    expect(await resolveSession(ctx.db, here.token, T0)).not.toBeNull();
    await deleteSession(ctx.db, here.token);
    expect(await resolveSession(ctx.db, here.token, later(1))).toBeNull();
  });

  it("ends a session at its expiry even when it was read a moment before", async () => {
    const s = await newSession();
    const justBefore = later(SESSION_TTL_MS - 1);
    expect(await resolveSession(ctx.db, s.token, justBefore)).not.toBeNull();
    expect(await resolveSession(ctx.db, s.token, later(SESSION_TTL_MS))).toBeNull();
  });

  it("knows no token it was not given", async () => {
    expect(await resolveSession(ctx.db, "not-a-session", T0)).toBeNull();
  });
});
