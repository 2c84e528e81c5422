import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { notFound, validationError } from "../../../platform/errors";
import { users } from "../../accounts/schema";
import { appendAuditEvent } from "../../audit";
import { referenceIssues } from "../check-references";
import type { CrmActor } from "../create-client-with-first-contract";
import { agencyMembers } from "../schema";
import { checkMobile, DEFAULT_JOB_TITLE, type MembershipInput } from "./membership-fields";

/** Attaches a collaborator to an agency, moves him to another one, or (agencyId null) detaches him. */
export async function setAgencyMembership(tx: DbOrTx, auth: CrmActor, userId: string, input: MembershipInput) {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, auth.orgId), inArray(users.role, ["broker_admin", "broker_agent"])))
    .limit(1);
  if (!user) throw notFound("Collaborateur");
  const mobile = checkMobile(input.mobile);
  const issues = [
    ...(mobile.issue ? [mobile.issue] : []),
    ...(await referenceIssues(tx, auth.orgId, [{ field: "agencyId", kind: "agency", id: input.agencyId }])),
  ];
  if (issues.length > 0) throw validationError(issues);

  const [before] = await tx.select().from(agencyMembers).where(eq(agencyMembers.userId, userId)).limit(1);
  if (input.agencyId === null) {
    await tx.delete(agencyMembers).where(eq(agencyMembers.userId, userId));
  } else {
    const card = {
      agencyId: input.agencyId,
      jobTitle: input.jobTitle?.trim() || before?.jobTitle || DEFAULT_JOB_TITLE,
      mobile: mobile.value !== undefined ? mobile.value : (before?.mobile ?? null),
      handlesProfessionals: input.handlesProfessionals ?? before?.handlesProfessionals ?? false,
    };
    await tx
      .insert(agencyMembers)
      .values({ userId, ...card })
      .onConflictDoUpdate({ target: agencyMembers.userId, set: card });
  }
  await appendAuditEvent(tx, {
    actor: auth,
    action: "agency_member.set",
    entityType: "user",
    entityId: userId,
    data: { fromAgencyId: before?.agencyId ?? null, toAgencyId: input.agencyId },
  });
}
