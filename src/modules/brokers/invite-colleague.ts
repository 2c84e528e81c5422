import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { validationError } from "../../platform/errors";
import { assertEmailFree, randomToken, sha256 } from "../accounts";
import { type Actor, appendAuditEvent } from "../audit";
import { isValidEmail, normalizeEmail } from "../reference-data";
import type { InvitationView } from "./api";
import type { BrokerRole } from "./rules/roles";
import { brokerInvitations } from "./schema";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export interface BrokerAdmin extends Actor {
  orgId: string;
  userId: string;
}

/**
 * A broker admin invites a colleague of its own cabinet. Returns the token, to be mailed once the
 * transaction commits; only its sha256 is stored.
 */
export async function inviteColleague(tx: DbOrTx, admin: BrokerAdmin, input: { email: string; role: BrokerRole }, now: Date) {
  if (!isValidEmail(input.email)) throw validationError([{ field: "email", message: "Adresse e-mail du collègue invalide" }]);
  const email = normalizeEmail(input.email);
  await assertEmailFree(tx, email);
  const token = randomToken();
  const [row] = await tx
    .insert(brokerInvitations)
    .values({
      orgId: admin.orgId,
      email,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy: admin.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await appendAuditEvent(tx, {
    actor: admin,
    action: "broker_invitation.created",
    entityType: "broker_invitation",
    entityId: row.id,
    occurredAt: now,
    data: { email, role: input.role },
  });
  return { invitation: invitationView(row), token };
}

export function invitationView(row: typeof brokerInvitations.$inferSelect): InvitationView {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt, expiresAt: row.expiresAt, acceptedAt: row.acceptedAt };
}

/** The cabinet's invitations, newest first (another organisation's are not there). */
export async function listInvitations(db: DbOrTx, orgId: string): Promise<InvitationView[]> {
  const rows = await db
    .select()
    .from(brokerInvitations)
    .where(eq(brokerInvitations.orgId, orgId))
    .orderBy(desc(brokerInvitations.createdAt))
    .limit(200);
  return rows.map(invitationView);
}

/** A pending, unexpired invitation by its token, with its cabinet's name; null otherwise. */
export async function findOpenInvitation(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select({
      invitation: brokerInvitations,
      orgName: sql<string>`(select name from organisations o where o.id = ${brokerInvitations.orgId})`,
    })
    .from(brokerInvitations)
    .where(and(eq(brokerInvitations.tokenHash, sha256(token)), isNull(brokerInvitations.acceptedAt), gt(brokerInvitations.expiresAt, now)))
    .limit(1);
  return row ?? null;
}
