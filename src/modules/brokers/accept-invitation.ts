import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { createUserOnce } from "../accounts";
import { appendAuditEvents } from "../audit";
import { findOpenInvitation } from "./invite-colleague";
import { brokerInvitations } from "./schema";

/** The invited colleague chooses a name and a password: the account is created in the inviting cabinet, once. */
export async function acceptInvitation(
  tx: DbOrTx,
  input: { token: string; firstName: string; lastName: string; password: string },
  now: Date,
) {
  const open = await findOpenInvitation(tx, input.token, now);
  if (!open) throw new AppError("invitation_invalid", { field: "token" });
  const inv = open.invitation;
  // Claimed first: of two acceptances of the same link, one only creates an account.
  const claimed = await tx
    .update(brokerInvitations)
    .set({ acceptedAt: now })
    .where(and(eq(brokerInvitations.id, inv.id), isNull(brokerInvitations.acceptedAt)))
    .returning({ id: brokerInvitations.id });
  if (claimed.length === 0) throw new AppError("invitation_invalid", { field: "token" });
  const user = await createUserOnce(tx, {
    orgId: inv.orgId,
    role: inv.role,
    email: inv.email,
    password: input.password,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
  });
  await tx.update(brokerInvitations).set({ acceptedUserId: user.id }).where(eq(brokerInvitations.id, inv.id));
  const actor = { orgId: inv.orgId, userId: user.id };
  await appendAuditEvents(tx, [
    { actor, action: "broker_invitation.accepted", entityType: "broker_invitation", entityId: inv.id, occurredAt: now, data: {} },
    {
      actor,
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      occurredAt: now,
      data: { role: inv.role, invitationId: inv.id },
    },
  ]);
  return { user, orgName: open.orgName };
}
