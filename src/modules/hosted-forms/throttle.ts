import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { spentFormTokens } from "./schema";

/** Posts one address may make per window: a family behind one router fills a few forms, a script thousands. */
export const POSTS_PER_ADDRESS = 20;
const WINDOW_MS = 10 * 60_000;

/**
 * Counts a post from `ip` in the login throttle table (shared by every instance; keys are hashes, no
 * address stored in clear) and, when the address is within its allowance, spends the nonce of the form
 * it answers (spent_form_tokens, one post per form served). One statement, so a post costs one round
 * trip and one commit of its own besides its lead's (group-committed with others), as before nonces.
 * `allowed` is false once the address is past its allowance for the window;
 * `spent` is true when this post took the nonce (false: already taken, or none given).
 */
export async function admitFormPost(
  db: DbOrTx,
  ip: string,
  nonce: string | null,
  now: Date,
  limit = POSTS_PER_ADDRESS,
): Promise<{ allowed: boolean; spent: boolean }> {
  const key = createHash("sha256").update(`hosted-form-address:${ip}`).digest("hex");
  const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString();
  const [row] = await rawRows<{ attempts: number; spent: number }>(
    db,
    sql`
    with counted as (
      insert into login_throttle as t (key, window_start, attempts) values (${key}, ${now.toISOString()}::timestamptz, 1)
      on conflict (key) do update set
        attempts = case when t.window_start <= ${cutoff}::timestamptz then 1 else t.attempts + 1 end,
        window_start = case when t.window_start <= ${cutoff}::timestamptz then excluded.window_start else t.window_start end
      returning attempts
    ), spent as (
      insert into ${spentFormTokens} (nonce, spent_at)
      select ${nonce}::text, ${now.toISOString()}::timestamptz where ${nonce}::text is not null and (select attempts from counted) <= ${limit}
      on conflict (nonce) do nothing
      returning 1
    )
    select (select attempts from counted) as attempts, (select count(*) from spent)::int as spent`,
  );
  return { allowed: (row?.attempts ?? 0) <= limit, spent: row?.spent === 1 };
}
