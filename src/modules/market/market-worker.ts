import type { Clock } from "../../platform/clock";
import type { Db } from "../../platform/db/client";
import { claimAcceptedLeads } from "../intake";
import { expireHolds } from "./hold-lead";
import { routeLeads } from "./route-leads";

const BATCH = 500;
const IDLE_POLL_MS = 250;
const HOLD_SWEEP_MS = 30_000;

/**
 * The marketplace's background work, in every instance: routes freshly accepted leads (taken from the
 * intake's backlog with SKIP LOCKED, so instances share the work and a crash gives the batch back) and
 * sweeps expired holds. Its own loop rather than the jobs table's 5-second poll: a lead is offered within
 * a quarter of a second of its acceptance, and a full batch is followed at once by the next.
 */
export function startMarketWorker(db: Db, deps: { clock: Clock; onError(e: unknown): void }) {
  let stopped = false;
  let lastSweep = 0;
  let wake: (() => void) | null = null;

  const round = async (): Promise<number> => {
    const now = deps.clock();
    // Each sale queues its own delivery (notice, e-mail, webhook) in this transaction: see delivery module.
    const claimed = await db.transaction(async (tx) => {
      const ids = await claimAcceptedLeads(tx, BATCH);
      await routeLeads(tx, ids, now);
      return ids.length;
    });
    if (now.getTime() - lastSweep >= HOLD_SWEEP_MS) {
      lastSweep = now.getTime();
      await expireHolds(db, now);
    }
    return claimed;
  };

  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await round();
      } catch (e) {
        deps.onError(e);
      }
      if (claimed < BATCH && !stopped)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  })();

  return async () => {
    stopped = true;
    wake?.();
    await loop;
  };
}
