import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { DbOrTx } from "./client";
import { rawRows } from "./raw-rows";

const dialect = new PgDialect();

/**
 * rawRows for a hot query on PostgreSQL, as a named prepared statement: each pooled connection plans it
 * once (the pool asks for generic plans, client.ts), where a joined read of a few rows costs 0.3–0.5 ms to
 * plan for 0.1–0.3 ms to run (pg_stat_statements over bench:market). `name` must always come with the
 * same SQL text. In a transaction the statement goes to the transaction's own connection; on PGlite, rawRows.
 * Timestamps come back as the driver gives them (a Date here, a string through rawRows): parse them either way.
 */
export async function preparedRows<T>(db: DbOrTx, name: string, query: SQL): Promise<T[]> {
  const client = pgClientOf(db);
  if (!client) return rawRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.query<T & pg.QueryResultRow>({ name, text, values: params })).rows;
}

/** The node-postgres pool of a database, or the connection a transaction holds; null on PGlite. */
function pgClientOf(db: DbOrTx): pg.Pool | pg.ClientBase | null {
  // Drizzle keeps the pool as `$client` on the database and the connection as `session.client` in a transaction.
  const handle = db as unknown as { $client?: unknown; session?: { client?: unknown } };
  const client = handle.$client ?? handle.session?.client;
  return client instanceof pg.Pool || client instanceof pg.Client ? client : null;
}
