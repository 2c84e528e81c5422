import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Database, Db } from "./client";

/** Keys of the advisory locks the application takes (one number per purpose, fixed for good). */
export const ADVISORY_LOCKS = {
  /** Migrations and the demo seed: what every instance does at start, and only one may do at a time. */
  startup: 7_294_021_613,
} as const;

/**
 * Runs `work` while holding a PostgreSQL session advisory lock, on the one connection that holds it
 * (so that it also works with a pool of one). Another process asking for the same lock waits until
 * this one is done: two instances started at once migrate one after the other, the second finding
 * nothing left to do. PGlite is opened by one process only (data.lock): no lock is needed there.
 */
export async function withAdvisoryLock<T>(database: Database, key: number, work: (db: Db) => Promise<T>): Promise<T> {
  if (database.kind !== "postgres") return work(database.db);
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [key]);
    try {
      return await work(drizzlePg(client) as unknown as Db);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [key]);
    }
  } finally {
    client.release();
  }
}
