import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { uniqueViolation } from "../../platform/db/unique-violation";
import { AppError, validationError } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { parisToday } from "../catalogue/rules/dates";
import { leads } from "../intake/schema";
import { checkClientFields, checkContractFields } from "./check-client";
import { referenceIssues } from "./check-references";
import type { NewClientInput, NewContractInput } from "./client-input";
import { clients, contracts } from "./schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CrmActor {
  orgId: string;
  userId: string | null;
}

export interface NewClientWithContract {
  client: NewClientInput;
  contract: NewContractInput;
  /** The marketplace lead this client was won from (see docs/decisions/003-lead-to-client.md). */
  sourceLeadId?: string | null;
}

/**
 * A client only exists with a first contract: that contract's start date puts the client in an M+3
 * cohort. Everything is checked before the first write, and both rows go in the caller's transaction,
 * so a bad contract never leaves a client behind. The "lead won → client" conversion calls this too.
 */
export async function createClientWithFirstContract(tx: DbOrTx, auth: CrmActor, input: NewClientWithContract, now: Date) {
  const client = checkClientFields(input.client, { prefix: "client", today: parisToday(now) });
  const contract = checkContractFields(input.contract, { prefix: "contract" });
  const issues = [
    ...client.issues,
    ...contract.issues,
    ...(await referenceIssues(tx, auth.orgId, [
      { field: "client.agencyId", kind: "agency", id: client.values.agencyId },
      { field: "client.accountManagerId", kind: "user", id: client.values.accountManagerId },
      { field: "contract.sellerId", kind: "user", id: contract.values.sellerId },
    ])),
  ];
  if (input.contract.isOurs === false) {
    issues.push({ field: "contract.isOurs", message: "Le premier contrat d'un client est un contrat souscrit à l'agence" });
  }
  if (input.sourceLeadId && !UUID.test(input.sourceLeadId)) issues.push({ field: "sourceLeadId", message: "Identifiant de lead invalide" });
  else if (input.sourceLeadId) {
    const [lead] = await tx.select({ id: leads.id }).from(leads).where(eq(leads.id, input.sourceLeadId)).limit(1);
    if (!lead) issues.push({ field: "sourceLeadId", message: "Lead introuvable" });
  }
  if (issues.length > 0) throw validationError(issues);
  if (input.sourceLeadId) {
    const [converted] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.orgId, auth.orgId), eq(clients.sourceLeadId, input.sourceLeadId)))
      .limit(1);
    if (converted) throw new AppError("lead_already_converted", { details: { clientId: converted.id } });
  }

  const clientId = crypto.randomUUID();
  const contractId = crypto.randomUUID();
  try {
    // A savepoint when called inside a transaction, a transaction otherwise: both rows or none.
    await tx.transaction(async (inner) => {
      await inner.insert(clients).values({
        ...client.values,
        id: clientId,
        orgId: auth.orgId,
        type: input.client.type,
        isTns: input.client.isTns ?? false,
        sourceLeadId: input.sourceLeadId ?? null,
      });
      await inner.insert(contracts).values({
        ...contract.values,
        id: contractId,
        orgId: auth.orgId,
        clientId,
        productLine: input.contract.productLine,
        // Whoever records the first contract is, unless told otherwise, the one who sold it.
        sellerId: contract.values.sellerId ?? auth.userId,
      });
    });
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === null) throw e;
    const field = constraint.startsWith("contracts") ? "contract.externalRef" : "client.externalRef";
    throw new AppError("external_ref_taken", { field });
  }
  await appendAuditEvent(tx, {
    actor: auth,
    action: "client.created",
    entityType: "client",
    entityId: clientId,
    // Ids only: the journal is immutable, personal data must stay erasable.
    data: { contractId, productLine: input.contract.productLine, sourceLeadId: input.sourceLeadId ?? null },
  });
  return { clientId, contractId };
}
