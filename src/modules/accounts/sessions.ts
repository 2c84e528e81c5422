import { and, eq, gt, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
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

export async function resolveSession(db: Db, token: string, now: Date): Promise<AuthContext | null> {
  let query = sessionQueries.get(db);
  if (!query) {
    query = sessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ id: sha256(token), now });
  if (!row) return null;
  return { ...row, apiKeyId: null, via: "session" };
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
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .limit(1)
    .prepare("accounts.session");

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}
