import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import type { JobHandler, JobRequest } from "../jobs";
import { MAX_AGE_MS } from "./form-token";
import { spentFormTokens } from "./schema";

export const PURGE_FORM_TOKENS_JOB = "hosted-forms.purge-tokens";

/** A nonce is kept as long as its token could come back: past MAX_AGE_MS the token itself is refused. */
export async function purgeSpentFormTokens(db: DbOrTx, now: Date): Promise<{ purged: number }> {
  const gone = await rawRows<{ nonce: string }>(
    db,
    sql`delete from ${spentFormTokens} where spent_at < ${new Date(now.getTime() - MAX_AGE_MS).toISOString()}::timestamptz returning nonce`,
  );
  return { purged: gone.length };
}

/** Each night at 03:30 UTC, once across instances (its key is the day). */
export function purgeFormTokensSchedule(now: Date): JobRequest[] {
  const day = now.toISOString().slice(0, 10);
  return [{ kind: PURGE_FORM_TOKENS_JOB, dedupeKey: day, runAt: new Date(`${day}T03:30:00Z`) }];
}

export const purgeFormTokensHandler: JobHandler = {
  kind: PURGE_FORM_TOKENS_JOB,
  maxAttempts: 3,
  run: (_payload, ctx) => purgeSpentFormTokens(ctx.db, ctx.now),
};
