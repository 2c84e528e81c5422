import { LRUCache } from "lru-cache";
import type { AuthContext } from "../../platform/auth-context";

/**
 * How long an instance trusts a credential (a session, an API key) it has checked against the database.
 * Every request needs its caller, and the lookup was one round trip of three in a marketplace purchase
 * (decision 025). A revocation made on this instance drops the entry at once; one made on another
 * instance takes effect within this delay.
 */
export const CREDENTIAL_CACHE_MS = 10_000;

/** Enough for every active user of an instance; the least recently used go first, so a flood of tokens cannot grow it. */
const MAX_ENTRIES = 50_000;

interface Entry {
  ctx: AuthContext;
  readAt: number;
  until: number;
}

/**
 * Callers this instance has read, by the hash of their credential, on the clock it is handed: an entry
 * serves from the instant it was read until CREDENTIAL_CACHE_MS later or the credential's own end,
 * whichever comes first. A clock set back before the read misses, so a test moving time never reads the future.
 */
export function credentialCache() {
  const entries = new LRUCache<string, Entry>({ max: MAX_ENTRIES });
  return {
    get(key: string, now: Date): AuthContext | null {
      const hit = entries.get(key);
      const t = now.getTime();
      if (!hit || t < hit.readAt || t >= hit.until) return null;
      // A copy: a request may not change what the next one is told.
      return { ...hit.ctx };
    },
    set(key: string, ctx: AuthContext, now: Date, endsAt?: Date) {
      const readAt = now.getTime();
      entries.set(key, { ctx: { ...ctx }, readAt, until: Math.min(readAt + CREDENTIAL_CACHE_MS, endsAt?.getTime() ?? Infinity) });
    },
    delete(key: string) {
      entries.delete(key);
    },
  };
}
