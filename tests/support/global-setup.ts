import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { grantAppRole } from "../../src/platform/db/app-role";
import { openDatabase } from "../../src/platform/db/client";
import { runMigrations } from "../../src/platform/db/migrate";
import { pgUrl, withDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
    appRole: string;
  }
}

/**
 * On PostgreSQL, migrate one template database that every test file clones (fast, isolated). Its name is
 * new for each run, so that two runs on one server (two checkouts, CI beside a developer) never drop
 * each other's template. The tests' application connects as a role of its own that owns no table, as in
 * production; migrations (and tests that play the attacker) use the configured superuser.
 */
export default async function setup(project: TestProject) {
  const url = pgUrl();
  if (!url) return;
  const suffix = randomBytes(5).toString("hex");
  const templateDb = `la_tpl_${suffix}`;
  const appRole = `la_app_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL injoignable (${url}) : ${(e as Error).message}`);
  }
  await admin.query(`create database ${templateDb}`);
  await admin.query(`create role ${appRole} login nosuperuser noinherit`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(url, templateDb), poolSize: 1 });
  await runMigrations(database);
  // Grants live in the database's catalog: every clone of the template has them.
  await grantAppRole(database.db, appRole);
  await database.close();
  project.provide("templateDb", templateDb);
  project.provide("appRole", appRole);

  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`drop database if exists ${templateDb} with (force)`);
      // Fails only if a test database of this run was left behind: the role then stays with it.
      await c.query(`drop role if exists ${appRole}`).catch((e: Error) => console.warn(`rôle ${appRole} conservé : ${e.message}`));
    } finally {
      await c.end();
    }
  };
}
