import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Db, DbOrTx } from "./client";
import { rawRows } from "./raw-rows";

const dialect = new PgDialect();

// Per database: the pool whose connections use generic plans (client.ts), for statements that ask for it.
const genericPools = new WeakMap<Db, pg.Pool>();

export function setGenericPlanPool(db: Db, pool: pg.Pool) {
  genericPools.set(db, pool);
}

export interface PreparedOptions {
  /**
   * Plan once per connection, for every value: for a statement whose best plan does not depend on its
   * values (lookups by key), which PostgreSQL would otherwise plan again at each call when it cannot tell.
   * Outside a transaction only (the transaction's connection is used as it is).
   */
  genericPlan?: boolean;
}

/**
 * rawRows for a hot query on PostgreSQL, as a named prepared statement: each pooled connection parses it
 * once, and PostgreSQL plans it once when a generic plan costs no more than one made for the values (its
 * own choice: forcing generic plans on every statement made the duplicate check's 16 times slower, decision
 * 024). `name` must always come with the same SQL text. In a transaction the statement goes to the
 * transaction's own connection; on PGlite, rawRows.
 * Timestamps come back as the driver gives them (a Date here, a string through rawRows): parse them either way.
 */
export async function preparedRows<T>(db: DbOrTx, name: string, query: SQL, opts: PreparedOptions = {}): Promise<T[]> {
  const client = (opts.genericPlan && genericPools.get(db as Db)) || pgClientOf(db);
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
