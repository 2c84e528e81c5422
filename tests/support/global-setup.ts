import pg from "pg";
import { openDatabase } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { pgUrl, TEMPLATE_DB, withDatabase } from "./test-db";

/** On PostgreSQL, migrate one template database that every test file clones (fast, isolated). */
export default async function setup() {
  const url = pgUrl();
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL injoignable (${url}) : ${(e as Error).message}`);
  }
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(url, TEMPLATE_DB), poolSize: 1 });
  await runMigrations(database);
  await database.close();
}
