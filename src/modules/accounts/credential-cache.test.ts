import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuthContext } from "../../platform/auth-context";
import { CREDENTIAL_CACHE_MS, credentialCache } from "./credential-cache";

const caller: AuthContext = {
  userId: "u1",
  orgId: "o1",
  orgKind: "courtier",
  orgName: "Cabinet",
  role: "broker_admin",
  apiKeyId: null,
  via: "session",
  csrfToken: "csrf",
};
const READ_AT = Date.parse("2026-03-29T00:59:59.500Z");
const at = (offsetMs: number) => new Date(READ_AT + offsetMs);

describe("credentialCache", () => {
  it("serves a caller from the instant it was read until CREDENTIAL_CACHE_MS or the credential's end, whichever is first", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -60_000, max: 60_000 }),
        fc.option(fc.integer({ min: 1, max: 3 * CREDENTIAL_CACHE_MS }), { nil: undefined }),
        (offset, endsIn) => {
          const cache = credentialCache();
          cache.set("k", caller, at(0), endsIn === undefined ? undefined : at(endsIn));
          const until = Math.min(CREDENTIAL_CACHE_MS, endsIn ?? Infinity);
          expect(cache.get("k", at(offset)) !== null).toBe(offset >= 0 && offset < until);
        },
      ),
    );
  });

  it("misses at the millisecond the delay is over, and for a key it was never given", () => {
    const cache = credentialCache();
    cache.set("k", caller, at(0));
    expect(cache.get("k", at(CREDENTIAL_CACHE_MS - 1))).toEqual(caller);
    expect(cache.get("k", at(CREDENTIAL_CACHE_MS))).toBeNull();
    expect(cache.get("other", at(0))).toBeNull();
  });

  it("forgets a caller at once when told (a logout or a revocation on this instance)", () => {
    const cache = credentialCache();
    cache.set("k", caller, at(0));
    cache.delete("k");
    expect(cache.get("k", at(1))).toBeNull();
  });

  it("hands out copies: what one request does to its caller, the next does not see", () => {
    const cache = credentialCache();
    const given = { ...caller };
    cache.set("k", given, at(0));
    given.role = "platform_admin";
    const first = cache.get("k", at(1));
    if (first) first.orgId = "someone-else";
    expect(cache.get("k", at(2))).toEqual(caller);
  });

  it("stays bounded: a flood of new tokens pushes out the least recently used", () => {
    const cache = credentialCache();
    cache.set("oldest", caller, at(0));
    for (let i = 0; i < 50_000; i++) cache.set(`flood-${i}`, caller, at(0));
    expect(cache.get("oldest", at(1))).toBeNull();
    expect(cache.get("flood-49999", at(1))).toEqual(caller);
  });
});
