import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import { pgArrayLiteral } from "./pg-array";
import { rawRows } from "./raw-rows";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** What PostgreSQL reads back from the literal, element by element. */
async function readBack(literal: string): Promise<(string | null)[]> {
  const [row] = await rawRows<{ a: (string | null)[] }>(database.owner, sql`select ${literal}::text[] as a`);
  return row?.a ?? [];
}

// Text PostgreSQL can hold: no NUL, no lone surrogate (what intake stores went through check-text first).
const storable = fc.string({ unit: "grapheme", maxLength: 40 }).map((s) => s.replaceAll("\u0000", ""));

describe("pgArrayLiteral", () => {
  it("gives back every element as it was, whatever characters it holds", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(storable, fc.constant(null), fc.constantFrom("", " ", "NULL", "null", '"', "\\", "{}", "a,b", "\t")), {
          maxLength: 20,
        }),
        async (values) => {
          expect(await readBack(pgArrayLiteral(values))).toEqual(values);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("leaves plain elements bare and quotes only what array_in would misread", () => {
    expect(pgArrayLiteral(["0194a3b2-7c1d-7e00-8000-000000000001", "accepted", 42, true, null, undefined])).toBe(
      "{0194a3b2-7c1d-7e00-8000-000000000001,accepted,42,true,NULL,NULL}",
    );
    expect(pgArrayLiteral(["", "NULL", "Le Puy", 'a"b', "c\\d", "{x}", "e,f"])).toBe('{"","NULL","Le Puy","a\\"b","c\\\\d","{x}","e,f"}');
  });

  it("sends bytes as bytea", async () => {
    const bytes = Buffer.from([0, 0xff, 0x22, 0x5c, 0x41]);
    const [row] = await rawRows<{ hex: string; second: boolean }>(
      database.owner,
      sql`select encode((${pgArrayLiteral([bytes, null])}::bytea[])[1], 'hex') as hex,
                 (${pgArrayLiteral([bytes, null])}::bytea[])[2] is null as second`,
    );
    expect(row).toEqual({ hex: bytes.toString("hex"), second: true });
  });

  it("casts to the column's type on the server: numbers, booleans, instants", async () => {
    const [row] = await rawRows<{ n: number[]; b: boolean[]; t: string[] }>(
      database.owner,
      sql`select ${pgArrayLiteral([1, -2])}::int[] as n, ${pgArrayLiteral([true, false])}::boolean[] as b,
                 (${pgArrayLiteral(["2026-12-01T10:00:00.000Z"])}::timestamptz[])::text[] as t`,
    );
    expect(row).toMatchObject({ n: [1, -2], b: [true, false] });
    expect(row?.t[0]).toMatch(/^2026-12-01 1[01]:00:00/);
  });
});
