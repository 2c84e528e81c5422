import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { users } from "../../accounts/schema";
import { agencies, agencyMembers } from "../schema";

/**
 * The organisation's broker users with their agency card: the account managers offered in the
 * client form, and the team page. Users attached to no agency are listed too, to be attached.
 */
export async function listTeam(db: DbOrTx, orgId: string) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      agencyId: agencyMembers.agencyId,
      agencyName: agencies.name,
      jobTitle: agencyMembers.jobTitle,
      mobile: agencyMembers.mobile,
      handlesProfessionals: agencyMembers.handlesProfessionals,
    })
    .from(users)
    .leftJoin(agencyMembers, eq(agencyMembers.userId, users.id))
    .leftJoin(agencies, eq(agencies.id, agencyMembers.agencyId))
    .where(and(eq(users.orgId, orgId), inArray(users.role, ["broker_admin", "broker_agent"])))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return {
    items: rows.map((r) => ({
      ...r,
      // The query keeps broker users only.
      role: r.role as "broker_admin" | "broker_agent",
      agencyId: r.agencyId ?? null,
      agencyName: r.agencyName ?? null,
      jobTitle: r.jobTitle ?? null,
      mobile: r.mobile ?? null,
      handlesProfessionals: r.handlesProfessionals ?? false,
    })),
  };
}
