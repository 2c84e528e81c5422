import type { DbOrTx } from "../../../platform/db/client";
import { uniqueViolation } from "../../../platform/db/unique-violation";
import { AppError, validationError } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import type { CrmActor } from "../create-client-with-first-contract";
import { agencies } from "../schema";
import { type AgencyPatch, agencyNameTaken, checkAgencyFields } from "./agency-fields";

export async function createAgency(tx: DbOrTx, auth: CrmActor, input: AgencyPatch & { name: string }) {
  const { values, issues } = checkAgencyFields(input);
  if (issues.length > 0 || !values.name) throw validationError(issues);
  let row: typeof agencies.$inferSelect | undefined;
  try {
    [row] = await tx.transaction(async (inner) =>
      inner
        .insert(agencies)
        .values({ ...values, name: values.name as string, orgId: auth.orgId })
        .returning(),
    );
  } catch (e) {
    if (uniqueViolation(e) === null) throw e;
    throw new AppError("conflict", agencyNameTaken());
  }
  if (!row) throw new Error("insert returned nothing");
  await appendAuditEvent(tx, { actor: auth, action: "agency.created", entityType: "agency", entityId: row.id, data: { name: row.name } });
  const { orgId: _org, ...agency } = row;
  return agency;
}
