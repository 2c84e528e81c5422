import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { uniqueViolation } from "../../platform/db/unique-violation";
import { AppError, notFound, validationError } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { checkContractFields } from "./check-client";
import { referenceIssues } from "./check-references";
import type { NewContractInput } from "./client-input";
import type { CrmActor } from "./create-client-with-first-contract";
import { toClientContract } from "./load-client-record";
import { clients, contracts } from "./schema";

/** A further contract for an existing client: one more sold, or one declared as held elsewhere. */
export async function addContract(tx: DbOrTx, auth: CrmActor, clientId: string, input: NewContractInput) {
  const [client] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.orgId, auth.orgId)))
    .limit(1);
  if (!client) throw notFound("Client");
  const { values, issues } = checkContractFields(input);
  issues.push(...(await referenceIssues(tx, auth.orgId, [{ field: "sellerId", kind: "user", id: values.sellerId }])));
  if (issues.length > 0) throw validationError(issues);

  const isOurs = values.isOurs ?? true;
  let row: typeof contracts.$inferSelect | undefined;
  try {
    [row] = await tx.transaction(async (inner) =>
      inner
        .insert(contracts)
        .values({
          ...values,
          orgId: auth.orgId,
          clientId,
          productLine: input.productLine,
          isOurs,
          // A contract held elsewhere was not sold by anyone here.
          sellerId: values.sellerId ?? (isOurs ? auth.userId : null),
        })
        .returning(),
    );
  } catch (e) {
    if (uniqueViolation(e) === null) throw e;
    throw new AppError("external_ref_taken", { field: "externalRef" });
  }
  if (!row) throw new Error("insert returned nothing");
  await appendAuditEvent(tx, {
    actor: auth,
    action: "contract.created",
    entityType: "contract",
    entityId: row.id,
    data: { clientId, productLine: row.productLine, isOurs },
  });
  return toClientContract(row);
}
