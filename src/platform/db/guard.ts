import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { type PreparedOptions, preparedRows } from "./prepared-rows";
import { driverError, uniqueViolation } from "./unique-violation";

/**
 * A statement's check that what its caller read without locks still holds (migration 0024): true, or the
 * statement fails with SQLSTATE LA409 and nothing it wrote stays. `what` names the fact in the error.
 */
export const guardSql = (condition: SQL, what: string): SQL => sql`la_guard(${condition}, ${what})`;

/** Whether a failure is a guard's (or intake's own guard, intake_claim_people): do the work again in a transaction. */
export const guardFailed = (error: unknown): boolean => driverError(error)?.code === "LA409";

/** `with a as (…), b as (…) main`: data-modifying CTEs that make one statement of several writes. */
export function withCtes(ctes: readonly (readonly [name: string, body: SQL])[], main: SQL): SQL {
  return sql`with ${sql.join(
    ctes.map(([name, body]) => sql`${sql.identifier(name)} as (${body})`),
    sql`, `,
  )} ${main}`;
}

/**
 * Runs a statement written on the strength of a read made without locks (prepared on PostgreSQL under
 * `name`): true when its writes stand, false when its guard failed or a unique index refused it (someone
 * moved first). Then nothing was written, and the caller does the work again in a transaction.
 */
export async function writeGuarded(db: DbOrTx, name: string, statement: SQL, opts: PreparedOptions = {}): Promise<boolean> {
  try {
    await preparedRows(db, name, statement, opts);
    return true;
  } catch (error) {
    if (guardFailed(error) || uniqueViolation(error) !== null) return false;
    throw error;
  }
}
