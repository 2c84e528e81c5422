import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { forgetOldAttempts, loginSucceeded, reserveLoginAttempt } from "./login-throttle";
import { verifyPassword } from "./passwords";
import { organisations, users } from "./schema";
import { createSession } from "./sessions";

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  now: Date;
  /** Production refuses the demo accounts seeded for development. */
  allowDemo: boolean;
}

/** Logs in, within the limits of login-throttle.ts (429 `too_many_requests` past them, the password unchecked). */
export async function login(db: Db, input: LoginInput) {
  await reserveLoginAttempt(db, input);
  const [row] = await db
    .select({ user: users, org: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(row?.user.passwordHash ?? null, input.password);
  if (!row || !ok) {
    await appendAuditEvent(db, {
      actor: { orgId: row?.org.id, userId: row?.user.id },
      action: "auth.login_failed",
      entityType: "user",
      entityId: row?.user.id,
      data: { email: input.email.trim().toLowerCase(), ip: input.ip },
    });
    await forgetOldAttempts(db, input.now);
    throw new AppError("login_failed");
  }
  await loginSucceeded(db, input);
  if (row.user.isDemo && !input.allowDemo) throw new AppError("demo_account_disabled");
  const session = await createSession(db, row.user.id, input.now);
  await appendAuditEvent(db, {
    actor: { orgId: row.org.id, userId: row.user.id },
    action: "auth.login",
    entityType: "user",
    entityId: row.user.id,
    data: { ip: input.ip },
  });
  return { session, user: row.user, org: row.org };
}

export async function loadProfile(db: Db, userId: string) {
  const [row] = await db
    .select({ user: users, org: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
