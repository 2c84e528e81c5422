import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { agencies, agencyMembers, clients } from "../schema";

/** The organisation's agencies with how many collaborators and clients each holds (a used one cannot be deleted). */
export async function listAgencies(db: DbOrTx, orgId: string) {
  const rows = await db.select().from(agencies).where(eq(agencies.orgId, orgId)).orderBy(asc(agencies.name));
  const members = await db
    .select({ agencyId: agencyMembers.agencyId, n: count() })
    .from(agencyMembers)
    .innerJoin(agencies, eq(agencies.id, agencyMembers.agencyId))
    .where(eq(agencies.orgId, orgId))
    .groupBy(agencyMembers.agencyId);
  const clientCounts = await db
    .select({ agencyId: clients.agencyId, n: count() })
    .from(clients)
    .where(eq(clients.orgId, orgId))
    .groupBy(clients.agencyId);
  const countOf = (list: { agencyId: string | null; n: number }[], id: string) => Number(list.find((r) => r.agencyId === id)?.n ?? 0);
  return {
    items: rows.map(({ orgId: _org, ...a }) => ({ ...a, membersCount: countOf(members, a.id), clientsCount: countOf(clientCounts, a.id) })),
  };
}
