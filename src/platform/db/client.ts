import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import lockfile from "proper-lockfile";

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
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 20,
      // A connection closed after pg's default 10 idle seconds is a new backend at the next burst: a
      // process to start, catalogs to cache and every named statement to prepare again.
      idleTimeoutMillis: 5 * 60_000,
    });
    // An idle client whose server connection drops (restart, admin termination) must not crash the process;
    // the pool replaces it on the next query.
    pool.on("error", (e: Error & { code?: string }) => {
      if (e.code !== "57P01") console.error("PostgreSQL : connexion inactive perdue", e.message);
    });
    // Fail now with a clear message rather than on the first request.
    await pool.query("select 1");
    return { db: drizzlePg(pool) as unknown as Db, kind: "postgres", close: () => pool.end() };
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
