import type { LightMyRequestResponse } from "fastify";
import { createApiKeyWithSecret, createOrganisation, createUser } from "../../src/modules/accounts/provision-accounts";
import type { Role } from "../../src/modules/accounts/schema";
import { publishConsentText } from "../../src/modules/consent/publish-consent-text";
import type { AuthContext } from "../../src/platform/auth-context";
import { type Clock, systemClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import type { App } from "../../src/platform/deps";
import { DEMO_CONSENT_TEXT } from "../../src/seed/demo-consent-text";
import { buildApp } from "../../src/server/app";
import { openTestDatabase, type TestDatabase } from "./test-db";

export { start } from "../../src/server/start";
/** Module tests that need the assembled app (a proxy setting, a real start) take it from here, not from src/server. */
export { buildApp };

export const TEST_PASSWORD = "test-password-123";

export interface TestContext {
  app: App;
  database: TestDatabase;
  db: TestDatabase["db"];
  clock: Clock;
  /** The tables' owner (PostgreSQL) or the one user (PGlite): for what the application itself may not do. */
  owner: TestDatabase["db"];
  close(): Promise<void>;
}

/**
 * An app on its own database. Its clock is the system's unless the test hands one (tests/support/clock.ts):
 * a test whose expectations depend on the day passes the day; the others run on whatever date CI fakes.
 */
export async function createTestApp(env: Record<string, string> = {}, opts: { clock?: Clock } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const clock = opts.clock ?? systemClock;
  const app = await buildApp({ database, config, clock });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    clock,
    owner: database.owner,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let seq = 0;
/** An organisation with one user of the given role (and an API key for suppliers). */
export async function createOrgWithUser(ctx: TestContext, role: Role, name?: string) {
  const n = ++seq;
  const kind = role === "supplier" ? "apporteur" : role === "platform_admin" ? "platform" : "courtier";
  const org = await createOrganisation(ctx.db, {
    kind,
    name: name ?? `${kind} ${n}`,
    siren: "732829320",
    orias: kind === "courtier" ? "07000001" : undefined,
  });
  const email = `${role}-${n}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const user = await createUser(ctx.db, { orgId: org.id, role, email, password: TEST_PASSWORD, firstName: "Prénom", lastName: `Nom${n}` });
  const apiKey = role === "supplier" ? `la_live_test_${n}_${Math.random().toString(36).slice(2)}` : null;
  if (apiKey) await createApiKeyWithSecret(ctx.db, { orgId: org.id, name: "test", secret: apiKey });
  return { org, user, email, apiKey };
}

/** A broker firm with its admin and one agent (Jocelyne Martin), as the demo seeds expect. */
export async function createBrokerWithAgent(ctx: TestContext) {
  const admin = await createOrgWithUser(ctx, "broker_admin");
  const agent = await createUser(ctx.db, {
    orgId: admin.org.id,
    role: "broker_agent",
    email: `agent-${++seq}-${Math.random().toString(36).slice(2, 8)}@test.local`,
    password: TEST_PASSWORD,
    firstName: "Jocelyne",
    lastName: "Martin",
  });
  return { orgId: admin.org.id, users: { admin: admin.user.id, agent: agent.id } };
}

/**
 * A supplier (organisation, user, API key) with the context its session would give, and a published
 * consent text its leads can name.
 */
export async function supplierFixture(ctx: TestContext) {
  const supplier = await createOrgWithUser(ctx, "supplier");
  const { version } = await publishTestConsentText(ctx);
  const auth: AuthContext = {
    userId: supplier.user.id,
    orgId: supplier.org.id,
    orgKind: "apporteur",
    orgName: supplier.org.name,
    role: "supplier",
    apiKeyId: null,
    via: "session",
    csrfToken: null,
  };
  return { ...supplier, apiKey: supplier.apiKey as string, auth, version };
}

/** A consent text published at the demo text's date (2026-08-01): consents collected before it are refused. */
export async function publishTestConsentText(ctx: TestContext) {
  return publishConsentText(ctx.db, {}, { ...DEMO_CONSENT_TEXT, version: `TEST-${++seq}` });
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: App, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "la_session");
  if (!cookie) throw new Error("no session cookie");
  return { cookie: `la_session=${cookie.value}`, csrf: res.json().csrfToken };
}

/** Headers for a cookie-authenticated call, with the CSRF token on writes. */
export const asUser = (s: Session) => ({ cookie: s.cookie, "x-csrf-token": s.csrf });
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
// Typed JSON body of an injected response; the caller states the shape it expects.
// biome-ignore lint/suspicious/noExplicitAny: test bodies are asserted field by field, not typed up front.
export const json = <T = any>(res: LightMyRequestResponse): T => res.json() as T;
