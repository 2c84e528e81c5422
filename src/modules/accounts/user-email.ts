import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { uniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { createUser } from "./provision-accounts";
import { users } from "./schema";

/** An address (normalised) that no account has yet, checked before anything is written: email_taken otherwise. */
export async function assertEmailFree(db: DbOrTx, email: string): Promise<void> {
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (taken) throw new AppError("email_taken", { field: "email" });
}

/**
 * A new account in a savepoint of the caller's transaction: two requests creating the same address at
 * once get email_taken (the unique index decides), not a broken transaction.
 */
export async function createUserOnce(tx: DbOrTx, input: Parameters<typeof createUser>[1]) {
  try {
    return await tx.transaction((inner) => createUser(inner, input));
  } catch (e) {
    if (uniqueViolation(e) === null) throw e;
    throw new AppError("email_taken", { field: "email" });
  }
}
