import { sql } from "drizzle-orm";
import { type AuthContext, actorOf } from "../../../platform/auth-context";
import type { Db, DbOrTx } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { uuidv7 } from "../../../platform/db/uuid-v7";
import { AppError, notFound, validationError } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import type { ReturnRequest } from "../api";
import {
  RATE_WINDOW_DAYS,
  RETURN_RATE_CAP,
  RETURN_WINDOW_DAYS,
  returnAllowance,
  returnDeadline,
  UNREACHABLE_AFTER_CALLS,
} from "../rules/returns";
import { RETURN_EVENTS } from "../work-events";

interface Locked {
  sale_id: string;
  sold_at: string | Date;
  price_cents: number;
  lead_type: "lead" | "rdv";
  status: string;
  failed_attempts: number;
  supplier_org_id: string;
}

/** A brokerage's returns (pending or accepted) against its purchases, over the last 30 days. */
export async function returnRate(db: DbOrTx, orgId: string, now: Date) {
  const since = new Date(now.getTime() - RATE_WINDOW_DAYS * 24 * 3600 * 1000).toISOString();
  const [row] = await rawRows<{ purchases: number; returns: number }>(
    db,
    sql`select (select count(*) from lead_work where org_id = ${orgId}::uuid and sold_at >= ${since}::timestamptz)::int as purchases,
               (select count(*) from lead_returns where org_id = ${orgId}::uuid and requested_at >= ${since}::timestamptz
                  and status in ('pending', 'accepted'))::int as returns`,
  );
  const purchases = row?.purchases ?? 0;
  const returns = row?.returns ?? 0;
  return { purchases, returns, rate: purchases > 0 ? returns / purchases : 0, allowance: returnAllowance(purchases) };
}

/**
 * A broker returns a lead it bought: within 7 days, for a reason of the list, once, and within its brokerage's
 * return cap. The request waits for the operator's decision; nothing is refunded yet.
 */
export async function requestReturn(db: Db, auth: AuthContext, leadId: string, input: ReturnRequest, now: Date) {
  return db.transaction(async (tx) => {
    // The brokerage's row is locked: two returns of one brokerage are counted against the cap one after the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`returns:${auth.orgId}`}, 0))`);
    const [lead] = await rawRows<Locked>(
      tx,
      sql`select w.sale_id, w.sold_at, w.price_cents, w.lead_type, w.status, w.failed_attempts, l.supplier_org_id
            from lead_work w join leads l on l.id = w.lead_id
           where w.lead_id = ${leadId}::uuid and w.org_id = ${auth.orgId}::uuid for update of w`,
    );
    if (!lead) throw notFound("Lead");
    const [existing] = await rawRows<{ status: string }>(tx, sql`select status from lead_returns where lead_id = ${leadId}::uuid`);
    if (existing) throw new AppError("return_exists", { field: "leadId" });
    if (now > returnDeadline(new Date(lead.sold_at)))
      throw new AppError("return_window_closed", {
        field: "leadId",
        message: `Un lead ne peut être contesté que dans les ${RETURN_WINDOW_DAYS} jours qui suivent son achat`,
      });
    if (lead.status === "vendu") throw new AppError("transition_refused", { field: "leadId", message: "Un lead signé ne se conteste pas" });
    if (input.reason === "injoignable" && lead.failed_attempts < UNREACHABLE_AFTER_CALLS)
      throw validationError([
        {
          field: "reason",
          message: `« Injoignable » demande ${UNREACHABLE_AFTER_CALLS} appels sans réponse notés sur la fiche (${lead.failed_attempts} à ce jour)`,
        },
      ]);
    if (input.reason === "rdv_non_honore") {
      if (lead.lead_type !== "rdv")
        throw validationError([{ field: "reason", message: "« RDV non honoré » ne concerne qu'un rendez-vous qualifié" }]);
      const [rdv] = await rawRows<{ status: string }>(tx, sql`select status from lead_appointments where lead_id = ${leadId}::uuid`);
      if (rdv?.status !== "no_show")
        throw validationError([{ field: "reason", message: "Marquez d'abord le rendez-vous « non honoré » dans votre agenda RDV" }]);
    }
    const rate = await returnRate(tx, auth.orgId, now);
    if (rate.returns + 1 > rate.allowance)
      throw new AppError("return_cap_reached", {
        field: "leadId",
        message: `Votre cabinet a déjà ${rate.returns} contestation(s) pour ${rate.purchases} achat(s) sur 30 jours : le plafond est de ${Math.round(RETURN_RATE_CAP * 100)} %`,
      });
    const id = uuidv7(now.getTime());
    await tx.execute(
      sql`insert into lead_returns (id, lead_id, org_id, sale_id, supplier_org_id, reason, note, price_cents, requested_at, requested_by)
          values (${id}::uuid, ${leadId}::uuid, ${auth.orgId}::uuid, ${lead.sale_id}::uuid, ${lead.supplier_org_id}::uuid, ${input.reason},
                  ${input.note ?? null}, ${lead.price_cents}, ${now.toISOString()}::timestamptz, ${auth.userId}::uuid)`,
    );
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: RETURN_EVENTS.requested,
      entityType: "lead",
      entityId: leadId,
      data: { returnId: id, saleId: lead.sale_id, reason: input.reason, note: input.note ?? null, failedAttempts: lead.failed_attempts },
      occurredAt: now,
    });
    return { id, status: "pending" as const };
  });
}
