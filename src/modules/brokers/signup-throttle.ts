import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { sha256 } from "../accounts";

const WINDOW_MS = 15 * 60_000;
/** Public forms that create accounts, per client address and 15 minutes (the login's window, in the same table). */
export const SIGNUP_LIMIT_PER_ADDRESS = 5;

/**
 * Counts a sign-up or an invitation acceptance from the address, refusing it past the limit: like the
 * login's throttle, in the database (table login_throttle, its own keys), so every instance counts the same.
 */
export async function reserveSignupAttempt(db: DbOrTx, input: { ip: string; now: Date; what: "signup" | "invitation" }): Promise<void> {
  const key = sha256(`${input.what}-address:${input.ip}`);
  const now = input.now.toISOString();
  const cutoff = new Date(input.now.getTime() - WINDOW_MS).toISOString();
  const result = (await db.execute(sql`
    insert into login_throttle as t (key, window_start, attempts) values (${key}, ${now}::timestamptz, 1)
    on conflict (key) do update set
      attempts = case when t.window_start <= ${cutoff}::timestamptz then 1 else t.attempts + 1 end,
      window_start = case when t.window_start <= ${cutoff}::timestamptz then excluded.window_start else t.window_start end
    returning attempts, window_start::text as window_start`)) as unknown as { rows: { attempts: number; window_start: string }[] };
  const row = result.rows[0];
  if (!row || row.attempts <= SIGNUP_LIMIT_PER_ADDRESS) return;
  const freeAt = new Date(row.window_start).getTime() + WINDOW_MS;
  throw new AppError("too_many_requests", {
    details: { retryAfterSeconds: Math.max(1, Math.ceil((freeAt - input.now.getTime()) / 1000)) },
  });
}
