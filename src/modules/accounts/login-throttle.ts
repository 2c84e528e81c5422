import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { AppError } from "../../platform/errors";
import { sha256 } from "./tokens";

const WINDOW_MS = 15 * 60_000;
/**
 * Failed logins allowed per 15 minutes. Per account: password guessing on one person. Per client
 * address: one machine trying many accounts (credential stuffing); high enough for an agency's
 * office behind one address, whose successful logins do not count.
 */
export const LOGIN_LIMITS = { perAccount: 10, perAddress: 20 } as const;

export interface LoginAttempt {
  email: string;
  ip: string;
  now: Date;
}

const keysOf = (a: LoginAttempt) => ({
  account: sha256(`account:${a.email.trim().toLowerCase()}`),
  address: sha256(`address:${a.ip}`),
});

/**
 * Counts an attempt before its password is checked (so that a burst of parallel guesses is limited
 * too), and refuses it past either limit. A successful login then gives its attempt back: see
 * `loginSucceeded`. Both counters live in the database, shared by every instance.
 */
export async function reserveLoginAttempt(db: Db, attempt: LoginAttempt): Promise<void> {
  const keys = keysOf(attempt);
  const now = attempt.now.toISOString();
  const cutoff = new Date(attempt.now.getTime() - WINDOW_MS).toISOString();
  // Rows in a fixed order: two logins sharing an account or an address never lock each other in a cycle.
  const [first, second] = [keys.account, keys.address].sort();
  const result = await rawRows<{ key: string; attempts: number; window_start: string }>(
    db,
    sql`
    insert into login_throttle as t (key, window_start, attempts)
    values (${first}, ${now}::timestamptz, 1), (${second}, ${now}::timestamptz, 1)
    on conflict (key) do update set
      attempts = case when t.window_start <= ${cutoff}::timestamptz then 1 else t.attempts + 1 end,
      window_start = case when t.window_start <= ${cutoff}::timestamptz then excluded.window_start else t.window_start end
    returning key, attempts, window_start::text as window_start`,
  );
  const over = result.filter((r) => r.attempts > (r.key === keys.account ? LOGIN_LIMITS.perAccount : LOGIN_LIMITS.perAddress));
  if (over.length === 0) return;
  const freeAt = Math.max(...over.map((r) => new Date(r.window_start).getTime() + WINDOW_MS));
  throw new AppError("too_many_requests", {
    details: { retryAfterSeconds: Math.max(1, Math.ceil((freeAt - attempt.now.getTime()) / 1000)) },
  });
}

/** The right password: the account's failures are forgotten and the address gets its attempt back. */
export async function loginSucceeded(db: Db, attempt: LoginAttempt): Promise<void> {
  const keys = keysOf(attempt);
  await db.execute(sql`delete from login_throttle where key = ${keys.account}`);
  await db.execute(sql`update login_throttle set attempts = greatest(attempts - 1, 0) where key = ${keys.address}`);
}

/** Windows long over are dropped after a failure, so the table only holds the last quarter of an hour. */
export async function forgetOldAttempts(db: Db, now: Date): Promise<void> {
  await db.execute(sql`delete from login_throttle where window_start < ${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`);
}
