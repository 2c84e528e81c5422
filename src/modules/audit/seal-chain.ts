import { and, asc, desc, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { GENESIS_HASH, linkHash } from "./chain-hash";
import { auditChain, auditEvents } from "./schema";

// Any constant shared by every sealer: one sealer at a time, whichever process it runs in.
const SEAL_LOCK_KEY = 7_340_001;
const RECENT_WINDOW = 10_000;
const FULL_SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Appends chain links for events not sealed yet, in batches. Events commit in any order (parallel
 * requests); the chain orders them by sealing, so a late commit is simply sealed in the next batch.
 */
export async function sealAuditChain(db: Db, opts: { full?: boolean; batchSize?: number } = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 5_000;
  // The periodic run looks only at ids near the head of the chain: an anti-join over the whole journal
  // grows with it (measured: intake fell from 900 to 330 leads/s over 50,000 leads). The bound is a
  // value, not a sub-select, and bounds both sides, so PostgreSQL merges two short index ranges (7 ms at
  // 100,000 events, flat). An event committed by a transaction left open while 10,000 later ones were
  // sealed is caught by the full sweep (start-up, every ten minutes, audit:verify).
  const pending = async (tx: Tx) => {
    let bound = 0;
    if (!opts.full) {
      const [head] = await tx.select({ id: sql<number | null>`max(${auditChain.eventId})` }).from(auditChain);
      bound = Math.max(0, Number(head?.id ?? 0) - RECENT_WINDOW);
    }
    return tx
      .select({ event: auditEvents })
      .from(auditEvents)
      .where(
        and(
          sql`${auditEvents.id} > ${bound}`,
          sql`not exists (select 1 from ${auditChain} where ${auditChain.eventId} = ${auditEvents.id} and ${auditChain.eventId} > ${bound})`,
        ),
      )
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
  };
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
      const events = await pending(tx);
      if (events.length === 0) return 0;
      const [last] = await tx.select({ hash: auditChain.hash }).from(auditChain).orderBy(desc(auditChain.position)).limit(1);
      let prev = last?.hash ?? GENESIS_HASH;
      const links = events.map(({ event }) => {
        const hash = linkHash(prev, event);
        const link = { eventId: event.id, prevHash: prev, hash };
        prev = hash;
        return link;
      });
      await tx.insert(auditChain).values(links);
      return links.length;
    });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

/** Seals in the background every `intervalMs`; returns a stop function that seals one last time. */
export function startAuditSealer(db: Db, intervalMs = 500, onError: (e: unknown) => void = () => {}) {
  let running: Promise<unknown> = Promise.resolve();
  let lastFullSweep = Date.now();
  const timer = setInterval(() => {
    const full = Date.now() - lastFullSweep > FULL_SWEEP_EVERY_MS;
    if (full) lastFullSweep = Date.now();
    running = running.then(() => sealAuditChain(db, { full })).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await sealAuditChain(db).catch(onError);
  };
}
