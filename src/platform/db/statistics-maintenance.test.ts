import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import { analyzeStaleTables } from "./statistics-maintenance";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("statistics maintenance", () => {
  it("analyses a table that grew since its last analyse, then leaves it alone", async () => {
    // Made by the owner, like every table: the application's role only gets the statistics refreshed.
    await database.owner.execute(sql`create table stats_probe (id int, label text)`);
    await database.owner.execute(sql`insert into stats_probe select g, repeat('x', 100) from generate_series(1, 20000) g`);
    expect(await analyzeStaleTables(database)).toContain("stats_probe");
    const [row] = (
      (await database.db.execute(sql`select reltuples from pg_class where relname = 'stats_probe'`)) as unknown as {
        rows: { reltuples: number }[];
      }
    ).rows;
    expect(Number(row?.reltuples)).toBeGreaterThan(15_000);
    // A sample of 6,000 rows (statistics target 20, migration 0030): 21 histogram bounds where the default target keeps 101.
    // pg_stats shows a table's statistics to those who may read it: its owner here.
    const [stats] = (
      (await database.owner.execute(
        sql`select array_length(histogram_bounds::text::int[], 1) as bounds from pg_stats where tablename = 'stats_probe' and attname = 'id'`,
      )) as unknown as { rows: { bounds: number }[] }
    ).rows;
    expect(stats?.bounds).toBe(21);
    expect(await analyzeStaleTables(database)).not.toContain("stats_probe");
  });
});
