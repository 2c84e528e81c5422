import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { DbOrTx } from "./client";
import { rawRows } from "./raw-rows";

const dialect = new PgDialect();

/**
 * rawRows for a hot query on PostgreSQL, as a named prepared statement: each pooled connection parses it
 * once, and PostgreSQL plans it once when a generic plan costs no more than one made for the values (its
 * own choice: forcing generic plans on every statement made the duplicate check's 16 times slower, decision
 * 024). `name` must always come with the same SQL text. In a transaction the statement goes to the
 * transaction's own connection; on PGlite, rawRows.
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
