import { markInterruptedCrmImports } from "../modules/crm";
import { markInterruptedImports } from "../modules/intake";
import type { Database } from "../platform/db/client";
import { PRESUMED_GONE_AFTER_S } from "../platform/db/heartbeat";

/**
 * Imports left "running" by an instance that is gone (killed, crashed) are marked interrupted: at
 * start, then every half of the presumption delay, since with several instances the one that died may
 * never come back. The embedded database is only ever opened by this process: at its start, every
 * running import was this process's previous life's.
 */
export async function startImportWatchdog(database: Database, onError: (e: unknown) => void): Promise<() => Promise<void>> {
  const sweep = async (all: boolean) => {
    await markInterruptedImports(database.db, { all });
    await markInterruptedCrmImports(database.db, { all });
  };
  await sweep(database.kind === "pglite");
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      running = running.then(() => sweep(false)).catch(onError);
    },
    (PRESUMED_GONE_AFTER_S * 1000) / 2,
  );
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
