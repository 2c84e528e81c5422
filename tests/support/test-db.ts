import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type Db, openDatabase } from "../../src/platform/db/client";
import { runMigrations } from "../../src/platform/db/migrate";

/**
 * Each test file gets its own database: a fresh in-memory PGlite, or, when DATABASE_URL is set,
 * a PostgreSQL database cloned from the migrated template made by global-setup.ts. The application's
 * connection uses the role that owns no table; `owner` is the superuser's, for tests that set up what
 * the application may not do (or play someone with database access). PGlite has one user: both are one.
 */
export const pgUrl = () => process.env.DATABASE_URL;

export function withDatabase(url: string, name: string, user?: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (user) {
    u.username = user;
    u.password = "";
  }
  return u.toString();
}

/** `urls`: the application role's and the owner's connection strings (PostgreSQL only). */
export type TestDatabase = Database & { owner: Db; urls: { app: string; owner: string } | null };

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = pgUrl();
  if (!url) {
    const database = await openDatabase({});
    await runMigrations(database);
    return { ...database, owner: database.db, urls: null };
  }
  const name = `la_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject("templateDb")}`);
  } finally {
    await admin.end();
  }
  const urls = { app: withDatabase(url, name, inject("appRole")), owner: withDatabase(url, name) };
  const database = await openDatabase({ url: urls.app, poolSize: 10 });
  const owner = await openDatabase({ url: urls.owner, poolSize: 2 });
  return {
    ...database,
    owner: owner.db,
    urls,
    async close() {
      await database.close();
      await owner.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}
