import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { pgUrl, withDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/**
 * On PostgreSQL, migrate one template database that every test file clones (fast, isolated). Its name is
 * new for each run, so that two runs on one server (two checkouts, CI beside a developer) never drop
 * each other's template.
 */
export default async function setup(project: TestProject) {
  const url = pgUrl();
  if (!url) return;
  const templateDb = `la_tpl_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL injoignable (${url}) : ${(e as Error).message}`);
  }
  await admin.query(`create database ${templateDb}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(url, templateDb), poolSize: 1 });
  await runMigrations(database);
  await database.close();
  project.provide("templateDb", templateDb);

  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${templateDb} with (force)`).finally(() => c.end());
  };
}
