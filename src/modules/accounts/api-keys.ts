import { and, desc, eq, isNull } from "drizzle-orm";
import { type AuthContext, actorOf } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { credentialCache } from "./credential-cache";
import { apiKeys, organisations } from "./schema";
import { randomToken, sha256 } from "./tokens";

const KEY_PREFIX = "la_live_";
// last_used_at is a daily-grain fact for the supplier; writing it on every call would make 32 parallel
// clients queue on one row.
const LAST_USED_WRITE_EVERY_MS = 60_000;

// Keys are looked up on every API call; this keeps that off the database (CREDENTIAL_CACHE_MS).
const cache = credentialCache();
const lastUsedWritten = new Map<string, number>();

export async function createApiKey(db: Db, auth: AuthContext, name: string) {
  const secret = `${KEY_PREFIX}${randomToken(24)}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ orgId: auth.orgId, name, prefix: secret.slice(0, KEY_PREFIX.length + 6), keyHash: sha256(secret), createdBy: auth.userId })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: "api_key.created",
      entityType: "api_key",
      entityId: row.id,
      data: { name, prefix: row.prefix },
    });
    return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, secret };
  });
}

export async function listApiKeys(db: Db, orgId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Db, auth: AuthContext, id: string, now: Date) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.orgId, auth.orgId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound("Clé API");
    cache.delete(row.keyHash);
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: id,
      data: { prefix: row.prefix },
    });
  });
}

export async function authenticateApiKey(db: Db, secret: string, at: Date): Promise<AuthContext | null> {
  const keyHash = sha256(secret);
  const now = at.getTime();
  const hit = cache.get(keyHash, at);
  if (hit) {
    touchLastUsed(db, keyHash, hit.apiKeyId, now);
    return hit;
  }
  const [row] = await db
    .select({ id: apiKeys.id, orgId: organisations.id, orgKind: organisations.kind, orgName: organisations.name })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (row?.orgKind !== "apporteur") {
    cache.delete(keyHash);
    return null;
  }
  const ctx: AuthContext = {
    userId: null,
    orgId: row.orgId,
    orgKind: row.orgKind,
    orgName: row.orgName,
    role: "supplier",
    apiKeyId: row.id,
    via: "api_key",
    csrfToken: null,
  };
  cache.set(keyHash, ctx, at);
  touchLastUsed(db, keyHash, row.id, now);
  return ctx;
}

function touchLastUsed(db: Db, keyHash: string, id: string | null, now: number) {
  if (!id || (lastUsedWritten.get(keyHash) ?? 0) > now - LAST_USED_WRITE_EVERY_MS) return;
  lastUsedWritten.set(keyHash, now);
  void db
    .update(apiKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiKeys.id, id))
    .catch(() => lastUsedWritten.delete(keyHash));
}
