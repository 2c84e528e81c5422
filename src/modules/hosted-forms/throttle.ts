import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";

/** Posts one address may make per window: a family behind one router fills a few forms, a script thousands. */
export const POSTS_PER_ADDRESS = 20;
const WINDOW_MS = 10 * 60_000;

/**
 * Counts a post from `ip` in the login throttle table (shared by every instance; keys are hashes, no
 * address stored in clear). False once the address is past its allowance for the window.
 */
export async function allowFormPost(db: DbOrTx, ip: string, now: Date, limit = POSTS_PER_ADDRESS): Promise<boolean> {
  const key = createHash("sha256").update(`hosted-form-address:${ip}`).digest("hex");
  const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString();
  const result = (await db.execute(sql`
    insert into login_throttle as t (key, window_start, attempts) values (${key}, ${now.toISOString()}::timestamptz, 1)
    on conflict (key) do update set
      attempts = case when t.window_start <= ${cutoff}::timestamptz then 1 else t.attempts + 1 end,
      window_start = case when t.window_start <= ${cutoff}::timestamptz then excluded.window_start else t.window_start end
    returning attempts`)) as unknown as { rows: { attempts: number }[] };
  return (result.rows[0]?.attempts ?? 0) <= limit;
}
