import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";

/**
 * Each test file gets its own database: a fresh in-memory PGlite, or, when DATABASE_URL is set,
 * a PostgreSQL database cloned from the migrated template made by global-setup.ts.
 */
export const pgUrl = () => process.env.DATABASE_URL;

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openTestDatabase(): Promise<Database> {
  const url = pgUrl();
  if (!url) {
    const database = await openDatabase({});
    await runMigrations(database);
    return database;
  }
  const name = `la_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject("templateDb")}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: withDatabase(url, name), poolSize: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}
