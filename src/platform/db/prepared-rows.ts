import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { DbOrTx } from "./client";
import { rawRows } from "./raw-rows";

const dialect = new PgDialect();

/**
 * rawRows for a hot query on PostgreSQL, as a named prepared statement: each pooled connection plans it
 * once, where a joined read of a few rows costs ~2 ms to plan for 0.1 ms to run (measured on the
 * marketplace's payment read). `name` must always come with the same SQL text. In a transaction (its
 * connection is not the pool's to pick) and on PGlite, rawRows.
 * Timestamps come back as the driver gives them (a Date here, a string through rawRows): parse them either way.
 */
export async function preparedRows<T>(db: DbOrTx, name: string, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (!(client instanceof pg.Pool)) return rawRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.query<T & pg.QueryResultRow>({ name, text, values: params })).rows;
}
