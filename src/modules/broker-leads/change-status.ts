import { sql } from "drizzle-orm";
import { type AuthContext, actorOf } from "../../platform/auth-context";
import type { Db, Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { AppError, notFound, validationError } from "../../platform/errors";
import { appendAuditEvent } from "../audit";
import { createClientWithFirstContract } from "../crm";
import { type LeadContact, leadContactOf, leadContactSelect } from "../intake";
import type { ConversionInput, StatusChange } from "./api";
import { clientTypeFor } from "./rules/conversion";
import { mayMove, WORK_STATUS_LABELS, type WorkStatus } from "./rules/work-status";
import { WORK_EVENTS } from "./work-events";

interface Locked extends LeadContact {
  status: WorkStatus;
  failed_attempts: number;
  product: string;
}

async function lockWork(tx: Tx, orgId: string, leadId: string): Promise<Locked> {
  const [row] = await rawRows<Locked>(
    tx,
    sql`select w.status, w.failed_attempts, l.product, ${leadContactSelect}
          from lead_work w join leads l on l.id = w.lead_id
         where w.lead_id = ${leadId}::uuid and w.org_id = ${orgId}::uuid
         for update of w`,
  );
  if (!row) throw notFound("Lead");
  return row;
}

function checkChange(from: WorkStatus, input: StatusChange) {
  if (!mayMove(from, input.status)) {
    throw new AppError("transition_refused", {
      field: "status",
      message: `Un lead « ${WORK_STATUS_LABELS[from]} » ne peut pas passer à « ${WORK_STATUS_LABELS[input.status]} »`,
    });
  }
  const issues = [];
  if (input.status === "perdu" && !input.lostReason) issues.push({ field: "lostReason", message: "Champ obligatoire : le motif de perte" });
  if (input.status !== "perdu" && input.lostReason)
    issues.push({ field: "lostReason", message: "Un motif ne s'indique que pour un lead perdu" });
  if (input.lostReason === "autre" && !input.note)
    issues.push({ field: "note", message: "Champ obligatoire : le commentaire, qui précise le motif « Autre »" });
  if (input.client && input.status !== "vendu") issues.push({ field: "client", message: "Un client ne se crée qu'au passage à « Vendu »" });
  if (issues.length > 0) throw validationError(issues);
}

/** The signed prospect as a CRM client with its first contract, through the CRM's one entry point (decision 003). */
async function convert(tx: Tx, auth: AuthContext, leadId: string, lead: Locked, c: ConversionInput, now: Date) {
  const { clientId } = await createClientWithFirstContract(
    tx,
    { orgId: auth.orgId, userId: auth.userId },
    {
      client: {
        type: c.clientType ?? clientTypeFor(lead.product),
        ...leadContactOf(lead),
        origin: "lead",
        agencyId: c.agencyId ?? null,
        accountManagerId: c.accountManagerId ?? null,
      },
      contract: {
        productLine: c.productLine,
        isOurs: true,
        insurerName: c.insurerName ?? null,
        startDate: c.startDate,
        premiumCents: c.premiumCents ?? null,
        sellerId: auth.userId,
      },
      sourceLeadId: leadId,
    },
    now,
  );
  return clientId;
}

/**
 * Moves a bought lead along nouveau → contacté → vendu / perdu. The row is locked, the move checked, and the
 * change, the optional CRM client and the audit event are written in one transaction, or nothing is.
 */
export async function changeLeadStatus(db: Db, auth: AuthContext, leadId: string, input: StatusChange, now: Date) {
  return db.transaction(async (tx) => {
    const current = await lockWork(tx, auth.orgId, leadId);
    checkChange(current.status, input);
    const clientId = input.status === "vendu" && input.client ? await convert(tx, auth, leadId, current, input.client, now) : null;
    await tx.execute(
      sql`update lead_work set status = ${input.status}, lost_reason = ${input.lostReason ?? null}, note = ${input.note ?? null},
                 client_id = coalesce(${clientId}::uuid, client_id), status_changed_at = ${now.toISOString()}::timestamptz,
                 changed_by = ${auth.userId}::uuid
           where lead_id = ${leadId}::uuid`,
    );
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: WORK_EVENTS.statusChanged,
      entityType: "lead",
      entityId: leadId,
      data: { from: current.status, to: input.status, lostReason: input.lostReason ?? null, note: input.note ?? null, clientId },
      occurredAt: now,
    });
    return { status: input.status, clientId };
  });
}

/** A call that did not reach the prospect: counted, since a return for "injoignable" needs several. */
export async function recordFailedCall(db: Db, auth: AuthContext, leadId: string, now: Date) {
  return db.transaction(async (tx) => {
    const current = await lockWork(tx, auth.orgId, leadId);
    if (current.status === "vendu") throw new AppError("transition_refused", { field: "leadId", message: "Ce lead est déjà signé" });
    const attempt = current.failed_attempts + 1;
    await tx.execute(sql`update lead_work set failed_attempts = ${attempt} where lead_id = ${leadId}::uuid`);
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: WORK_EVENTS.callFailed,
      entityType: "lead",
      entityId: leadId,
      data: { attempt },
      occurredAt: now,
    });
    return { failedAttempts: attempt };
  });
}
