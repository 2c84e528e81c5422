import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { organisations } from "../accounts/schema";
import { appendAuditEvent } from "../audit";
import { normalizeVatNumber, vatNumberProblem } from "../reference-data";

export interface BillingIdentity {
  name: string;
  siren: string | null;
  address: string | null;
  vatNumber: string | null;
}

export async function getBillingIdentity(db: DbOrTx, orgId: string): Promise<BillingIdentity> {
  const [org] = await db
    .select({ name: organisations.name, siren: organisations.siren, address: organisations.address, vatNumber: organisations.vatNumber })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError("not_found");
  return org;
}

/** The address and VAT number printed on the brokerage's next invoices (issued ones keep their copy). */
export async function updateBillingIdentity(
  db: Db,
  actor: { orgId: string; userId: string | null },
  input: { address: string; vatNumber: string },
  now: Date,
): Promise<BillingIdentity> {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ siren: organisations.siren })
      .from(organisations)
      .where(eq(organisations.id, actor.orgId))
      .for("update");
    if (!org) throw new AppError("not_found");
    const problem = vatNumberProblem(input.vatNumber, org.siren);
    if (problem)
      throw new AppError("validation_error", { field: "body.vatNumber", message: `Numéro de TVA intracommunautaire : ${problem}` });
    const address = input.address
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n");
    const vatNumber = normalizeVatNumber(input.vatNumber);
    await tx.update(organisations).set({ address, vatNumber }).where(eq(organisations.id, actor.orgId));
    await appendAuditEvent(tx, {
      actor,
      action: "billing_identity.updated",
      entityType: "organisation",
      entityId: actor.orgId,
      data: { address, vatNumber },
      occurredAt: now,
    });
    return getBillingIdentity(tx, actor.orgId);
  });
}
