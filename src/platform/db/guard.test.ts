import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import { guardFailed, guardSql, withCtes } from "./guard";
import { preparedRows } from "./prepared-rows";
import { rawRows } from "./raw-rows";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.owner.execute(sql`create table guard_probe (id int primary key)`);
});
afterAll(() => database.close());

const count = async () => (await rawRows<{ n: number }>(database.owner, sql`select count(*)::int as n from guard_probe`))[0]?.n;

/** One statement: insert `id`, then the guard over what the statement saw. */
const insertGuarded = (id: number, holds: boolean) =>
  database.owner.execute(
    withCtes(
      [["added", sql`insert into guard_probe values (${id}) returning id`]],
      sql`select ${guardSql(sql`${holds}::boolean`, "la sonde")}`,
    ),
  );

describe("a statement's guard", () => {
  it("lets the statement's writes stand when it holds, and undoes them all with SQLSTATE LA409 when not", async () => {
    await insertGuarded(1, true);
    expect(await count()).toBe(1);
    const failure = await insertGuarded(2, false).catch((e: unknown) => e);
    expect(guardFailed(failure)).toBe(true);
    expect(String((failure as { cause?: Error }).cause?.message ?? failure)).toMatch(/la sonde changed since it was read/);
    expect(await count()).toBe(1);
    // Any other failure is not a guard's: the caller must not take it for "do it again".
    expect(guardFailed(await insertGuarded(1, true).catch((e: unknown) => e))).toBe(false);
  });

  it("gives the same rows as a prepared statement, called again and again under one name", async () => {
    const query = (n: number) => sql`select g as id from generate_series(1, ${n}::int) g`;
    for (const n of [3, 1, 5, 2, 4, 6, 1])
      expect(await preparedRows(database.db, "probe.series", query(n))).toEqual(await rawRows(database.db, query(n)));
  });

  it("sends a statement that asks for a generic plan to connections planning once for every value, and no other", async () => {
    const setting = sql`select current_setting('plan_cache_mode') as mode`;
    const generic = await preparedRows<{ mode: string }>(database.db, "probe.plan-mode", setting, { genericPlan: true });
    const usual = await preparedRows<{ mode: string }>(database.db, "probe.plan-mode", setting);
    expect([generic[0]?.mode, usual[0]?.mode]).toEqual(database.kind === "postgres" ? ["force_generic_plan", "auto"] : ["auto", "auto"]);
  });

  it("gives those statements a pool of their own, of four connections unless told (decision 024)", async () => {
    const busy = sql`select pg_backend_pid() as pid from pg_sleep(0.05)`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => preparedRows<{ pid: number }>(database.db, "probe.market-pool", busy, { genericPlan: true })),
    );
    expect(new Set(answers.map(([row]) => row?.pid)).size).toBe(database.kind === "postgres" ? 4 : 1);
  });

  it("runs a prepared statement on a transaction's own connection: it sees what the transaction wrote, and nothing stays after a rollback", async () => {
    const inProbe = (id: number) => sql`select id from guard_probe where id = ${id}::int`;
    const undone = new Error("undo");
    const seen: unknown[] = [];
    await database.owner
      .transaction(async (tx) => {
        await tx.execute(sql`insert into guard_probe values (42)`);
        // Any other connection of the pool would not see the row yet.
        seen.push(...(await preparedRows(tx, "probe.in-transaction", inProbe(42))));
        seen.push(...(await preparedRows(tx, "probe.in-transaction", inProbe(7))));
        if (database.kind === "postgres")
          // Prepared on this very connection, once for both calls.
          expect(await rawRows(tx, sql`select count(*)::int as n from pg_prepared_statements where name = 'probe.in-transaction'`)).toEqual(
            [{ n: 1 }],
          );
        throw undone;
      })
      .catch((e: unknown) => expect(e).toBe(undone));
    expect(seen).toEqual([{ id: 42 }]);
    expect(await preparedRows(database.owner, "probe.in-transaction", inProbe(42))).toEqual([]);
  });
});
