import { and, eq, gt, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { credentialCache } from "./credential-cache";
import { organisations, sessions, users } from "./schema";
import { randomToken, sha256 } from "./tokens";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export async function createSession(db: Db, userId: string, now: Date): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ id: sha256(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** Sessions this instance has read (CREDENTIAL_CACHE_MS): a logout elsewhere ends one here within that delay. */
const known = credentialCache();

export async function resolveSession(db: Db, token: string, now: Date): Promise<AuthContext | null> {
  const id = sha256(token);
  const hit = known.get(id, now);
  if (hit) return hit;
  let query = sessionQueries.get(db);
  if (!query) {
    query = sessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ id, now });
  if (!row) {
    known.delete(id);
    return null;
  }
  const { expiresAt, ...caller } = row;
  const ctx: AuthContext = { ...caller, apiKeyId: null, via: "session" };
  known.set(id, ctx, now, expiresAt);
  return ctx;
}

/**
 * Every request with a session cookie asks this: built once and, on PostgreSQL, a named prepared statement
 * planned once per connection (planning the joins cost more than running them).
 */
const sessionQueries = new WeakMap<Db, ReturnType<typeof sessionQuery>>();
const sessionQuery = (db: Db) =>
  db
    .select({
      userId: users.id,
      role: users.role,
      orgId: organisations.id,
      orgKind: organisations.kind,
      orgName: organisations.name,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .limit(1)
    .prepare("accounts.session");

export async function deleteSession(db: Db, token: string): Promise<void> {
  const id = sha256(token);
  await db.delete(sessions).where(eq(sessions.id, id));
  known.delete(id);
}
