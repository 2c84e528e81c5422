import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

/**
 * The rows of a raw SQL query, typed by the caller from the query's column aliases. Drizzle types
 * `execute()` by driver (node-postgres and PGlite both answer `{ rows }`), so this is the one place that
 * states it, instead of a cast beside every query.
 */
export async function rawRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
