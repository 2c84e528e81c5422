import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { uniqueViolation } from "../../platform/db/unique-violation";
import { AppError, notFound, validationError } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { parisToday } from "../catalogue/rules/dates";
import { checkClientFields } from "./check-client";
import { referenceIssues } from "./check-references";
import type { ClientPatchInput } from "./client-input";
import type { CrmActor } from "./create-client-with-first-contract";
import { mailingAddressOf, toClientRecord } from "./load-client-record";
import { clients } from "./schema";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const ADDRESS_PARTS = new Set(["addressLine", "postalCode", "city"]);

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * Applies the fields sent and answers what changed, value before and after: the M+3 records
 * exactly that ("champs fiche client modifiés", spec 002 §5.3). Values are compared once
 * normalised, so retyping a phone number with spaces is not a change.
 */
export async function updateClient(tx: DbOrTx, auth: CrmActor, clientId: string, patch: ClientPatchInput, now: Date) {
  const [row] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.orgId, auth.orgId)))
    .limit(1)
    .for("update");
  if (!row) throw notFound("Client");

  const { values, issues } = checkClientFields(patch, { current: row, today: parisToday(now) });
  issues.push(
    ...(await referenceIssues(tx, auth.orgId, [
      { field: "agencyId", kind: "agency", id: values.agencyId },
      { field: "accountManagerId", kind: "user", id: values.accountManagerId },
    ])),
  );
  if (issues.length > 0) throw validationError(issues);

  const changes: FieldChange[] = [];
  const set: Record<string, unknown> = {};
  for (const [field, after] of Object.entries(values)) {
    const before = (row as Record<string, unknown>)[field];
    if (same(before, after)) continue;
    changes.push({ field, before: before ?? null, after: after ?? null });
    set[field] = after ?? null;
  }
  const next = { ...row, ...set } as typeof row;
  // The checklist reads one "adresse d'envoi": its change is given as such too.
  if (changes.some((c) => ADDRESS_PARTS.has(c.field))) {
    changes.push({ field: "mailingAddress", before: mailingAddressOf(row), after: mailingAddressOf(next) });
  }
  if (changes.length === 0) return { client: toClientRecord(row), changes };

  try {
    await tx.transaction(async (inner) => {
      await inner
        .update(clients)
        .set({ ...set, updatedAt: now })
        .where(and(eq(clients.id, clientId), eq(clients.orgId, auth.orgId)));
    });
  } catch (e) {
    if (uniqueViolation(e) === null) throw e;
    throw new AppError("external_ref_taken", { field: "externalRef" });
  }
  await appendAuditEvent(tx, {
    actor: auth,
    action: "client.updated",
    entityType: "client",
    entityId: clientId,
    data: { fields: changes.map((c) => c.field) },
  });
  return { client: toClientRecord({ ...next, updatedAt: now }), changes };
}
