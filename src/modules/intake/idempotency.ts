import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { idempotencyKeys } from "./schema";

export interface StoredAnswer<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs `work` once per (organisation, Idempotency-Key): the key is claimed in the same transaction as
 * the work, so a retry either waits for the first attempt and replays its answer, or — if the first
 * attempt failed and rolled back — runs afresh. Same key with other request bytes is refused.
 */
export async function withIdempotency<T>(
  db: Db,
  orgId: string,
  key: string | undefined,
  request: Buffer,
  work: (tx: Tx) => Promise<{ statusCode: number; body: T }>,
): Promise<StoredAnswer<T>> {
  if (!key) return db.transaction(async (tx) => ({ ...(await work(tx)), replayed: false }));
  // A retry sends the same bytes: comparing them needs no reading of what they hold (any depth, any bytes).
  const requestHash = createHash("sha256").update(request).digest("hex");
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ orgId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [first] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
      if (!first || first.requestHash !== requestHash) throw new AppError("idempotency_key_reused", { field: "Idempotency-Key" });
      return { statusCode: first.statusCode ?? 200, body: first.response as T, replayed: true };
    }
    const answer = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: answer.statusCode, response: answer.body as object })
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
    return { ...answer, replayed: false };
  });
}
