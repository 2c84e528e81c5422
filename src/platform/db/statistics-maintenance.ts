import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { rawRows } from "./raw-rows";

/**
 * Keeps planner statistics fresh when nobody else does. PGlite runs no autovacuum (it is one process),
 * and PostgreSQL may run with autovacuum off (it is, on the machines this was measured on). Without
 * statistics, plans chosen for empty tables stay: duplicate checks walked whole tables and intake fell
 * from 900 to 300 leads/s within 50,000 leads. A table is analysed once it has grown by 10 % (plus
 * 8 pages) since its last analyse: read from its size on disk, since PGlite keeps no activity counters.
 */
export async function analyzeStaleTables(database: Database): Promise<string[]> {
  // Runs as the tables' owner (migration 0009): the application's role owns none, and may not analyse them itself.
  const res = await rawRows<{ t: string }>(database.db, sql`select t from analyze_stale_tables() as t`);
  return res.map((r) => r.t);
}

async function autovacuumRuns(database: Database): Promise<boolean> {
  if (database.kind === "pglite") return false;
  const res = await rawRows<{ on: string }>(database.db, sql`select current_setting('autovacuum') as on`);
  return res[0]?.on === "on";
}

/** Starts the maintainer when autovacuum does not run; returns a stop function. */
export async function startStatisticsMaintenance(database: Database, intervalMs = 15_000, onError: (e: unknown) => void = () => {}) {
  if (await autovacuumRuns(database)) return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => analyzeStaleTables(database)).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
