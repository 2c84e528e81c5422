import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { uniqueViolation } from "../../platform/db/unique-violation";
import { AppError, notFound, validationError } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { checkContractFields } from "./check-client";
import { referenceIssues } from "./check-references";
import type { ContractPatchInput } from "./client-input";
import type { CrmActor } from "./create-client-with-first-contract";
import { toClientContract } from "./load-client-record";
import { contracts } from "./schema";
import type { FieldChange } from "./update-client";

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Signatures, pieces received, dates…: answers the changes like updateClient, for the follow-up to record. */
export async function updateContract(tx: DbOrTx, auth: CrmActor, contractId: string, patch: ContractPatchInput) {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.orgId, auth.orgId)))
    .limit(1)
    .for("update");
  if (!row) throw notFound("Contrat");

  const { values, issues } = checkContractFields(patch, { current: row });
  issues.push(...(await referenceIssues(tx, auth.orgId, [{ field: "sellerId", kind: "user", id: values.sellerId }])));
  if (issues.length > 0) throw validationError(issues);

  const changes: FieldChange[] = [];
  const set: Record<string, unknown> = {};
  for (const [field, after] of Object.entries(values)) {
    const before = (row as Record<string, unknown>)[field];
    if (sameValue(before, after)) continue;
    changes.push({ field, before: before ?? null, after: after ?? null });
    set[field] = after ?? null;
  }
  // documentsProvided is NOT NULL: an explicit empty list is the way to say "none".
  if ("documentsProvided" in set && set.documentsProvided === null) set.documentsProvided = [];
  const next = { ...row, ...set } as typeof row;
  if (changes.length === 0) return { contract: toClientContract(row), changes };

  try {
    await tx.transaction(async (inner) => {
      await inner
        .update(contracts)
        .set(set)
        .where(and(eq(contracts.id, contractId), eq(contracts.orgId, auth.orgId)));
    });
  } catch (e) {
    if (uniqueViolation(e) === null) throw e;
    throw new AppError("external_ref_taken", { field: "externalRef" });
  }
  await appendAuditEvent(tx, {
    actor: auth,
    action: "contract.updated",
    entityType: "contract",
    entityId: contractId,
    data: { clientId: row.clientId, fields: changes.map((c) => c.field) },
  });
  return { contract: toClientContract(next), changes };
}
