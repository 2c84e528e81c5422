import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { uniqueViolation } from "../../../platform/db/unique-violation";
import { AppError, notFound, validationError } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import type { CrmActor } from "../create-client-with-first-contract";
import { agencies } from "../schema";
import { type AgencyPatch, agencyNameTaken, checkAgencyFields } from "./agency-fields";

export async function updateAgency(tx: DbOrTx, auth: CrmActor, agencyId: string, patch: AgencyPatch) {
  const { values, issues } = checkAgencyFields(patch);
  if (issues.length > 0) throw validationError(issues);
  let row: typeof agencies.$inferSelect | undefined;
  try {
    [row] = await tx.transaction(async (inner) => {
      const where = and(eq(agencies.id, agencyId), eq(agencies.orgId, auth.orgId));
      if (Object.keys(values).length === 0) return inner.select().from(agencies).where(where);
      return inner.update(agencies).set(values).where(where).returning();
    });
  } catch (e) {
    if (uniqueViolation(e) === null) throw e;
    throw new AppError("conflict", agencyNameTaken());
  }
  if (!row) throw notFound("Agence");
  await appendAuditEvent(tx, {
    actor: auth,
    action: "agency.updated",
    entityType: "agency",
    entityId: agencyId,
    data: { fields: Object.keys(values) },
  });
  const { orgId: _org, ...agency } = row;
  return agency;
}
