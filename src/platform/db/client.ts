import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import lockfile from "proper-lockfile";
import { setGenericPlanPool } from "./prepared-rows";

/** The same Drizzle API over PGlite or PostgreSQL: code never knows which one it runs on. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when absent, the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; undefined means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Connections for the marketplace's purchases (generic plans); 4 unless told. */
  marketPoolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const size = opts.poolSize ?? 20;
    const pool = openPool(opts.url, size);
    // Fail now with a clear message rather than on the first request.
    await pool.query("select 1");
    const db = drizzlePg(pool) as unknown as Db;
    // The marketplace's hot statements, planned once per connection for every value (decision 024):
    // a pool of their own, since the setting reaches every statement of a connection.
    const generic = openPool(opts.url, opts.marketPoolSize ?? 4, "-c plan_cache_mode=force_generic_plan");
    setGenericPlanPool(db, generic);
    return { db, kind: "postgres", close: () => Promise.all([pool.end(), generic.end()]).then(() => undefined) };
  }
  let release: (() => Promise<void>) | undefined;
  if (opts.dataDir) {
    const dir = path.resolve(opts.dataDir);
    mkdirSync(dir, { recursive: true });
    // PGlite does not lock its folder: two processes on one folder would corrupt it.
    try {
      release = await lockfile.lock(dir, { lockfilePath: `${dir}.lock`, stale: 15_000, update: 5_000 });
    } catch {
      throw new Error(`La base embarquée ${dir} est déjà ouverte par un autre processus (verrou ${dir}.lock). Arrêtez-le d'abord.`);
    }
  }
  const client = opts.dataDir ? new PGlite(path.resolve(opts.dataDir)) : new PGlite();
  await client.waitReady;
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

function openPool(url: string, max: number, options?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A connection closed after pg's default 10 idle seconds is a new backend at the next burst: a
    // process to start, catalogs to cache and every named statement to prepare again.
    idleTimeoutMillis: 5 * 60_000,
    ...(options ? { options } : {}),
  });
  // An idle client whose server connection drops (restart, admin termination) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (e: Error & { code?: string }) => {
    if (e.code !== "57P01") console.error("PostgreSQL : connexion inactive perdue", e.message);
  });
  return pool;
}
