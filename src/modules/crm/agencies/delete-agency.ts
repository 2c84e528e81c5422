import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { AppError, notFound } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import { followups } from "../../followup/schema";
import type { CrmActor } from "../create-client-with-first-contract";
import { agencies, agencyMembers, clients } from "../schema";

/** Only an empty agency goes: clients, collaborators and follow-ups keep pointing at their agency otherwise. */
export async function deleteAgency(tx: DbOrTx, auth: CrmActor, agencyId: string) {
  const [agency] = await tx
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.orgId, auth.orgId)))
    .limit(1)
    .for("update");
  if (!agency) throw notFound("Agence");
  const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.agencyId, agencyId)).limit(1);
  const [member] = await tx.select({ id: agencyMembers.userId }).from(agencyMembers).where(eq(agencyMembers.agencyId, agencyId)).limit(1);
  const [followup] = await tx.select({ id: followups.id }).from(followups).where(eq(followups.agencyId, agencyId)).limit(1);
  if (client || member || followup) throw new AppError("agency_in_use");
  await tx.delete(agencies).where(eq(agencies.id, agencyId));
  await appendAuditEvent(tx, {
    actor: auth,
    action: "agency.deleted",
    entityType: "agency",
    entityId: agencyId,
    data: { name: agency.name },
  });
}
