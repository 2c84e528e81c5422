import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { ADVISORY_LOCKS, withAdvisoryLock } from "./advisory-lock";
import type { Database, Db } from "./client";

// From src/platform/db in development and tests, from dist/server once bundled.
const FROM_HERE = import.meta.url.endsWith(".ts") ? "../../../migrations" : "../../migrations";
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), FROM_HERE);

/**
 * Applies the pending migrations on `db`. On PostgreSQL, call it under the startup advisory lock
 * (withAdvisoryLock): two instances migrating at once would both create the same tables.
 */
export async function migrateOn(kind: Database["kind"], db: Db): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (kind === "postgres") await migratePg(db as unknown as NodePgDatabase, config);
  else await migratePglite(db as unknown as PgliteDatabase, config);
}

/** Migrations alone, under the startup lock (tools and tests; the server also seeds under it, see start.ts). */
export async function runMigrations(database: Database): Promise<void> {
  await withAdvisoryLock(database, ADVISORY_LOCKS.startup, (db) => migrateOn(database.kind, db));
}
