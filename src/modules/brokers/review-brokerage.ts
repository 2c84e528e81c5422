import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import { type Actor, appendAuditEvent } from "../audit";
import type { BrokerageView } from "./api";
import { brokerageView } from "./load-brokerage";
import type { PartnerCategory } from "./rules/partner-categories";
import { brokerages } from "./schema";

/** The platform operator who decides; `userId` is recorded on the brokerage and in the audit chain. */
export interface Operator extends Actor {
  userId: string;
}

async function lockBrokerage(tx: DbOrTx, orgId: string) {
  const [row] = await tx.select().from(brokerages).where(eq(brokerages.orgId, orgId)).for("update").limit(1);
  if (!row) throw notFound("Cabinet");
  return row;
}

/** The operator checked the ORIAS registration on orias.fr: from now on the brokerage may buy. */
export async function verifyBrokerage(tx: DbOrTx, operator: Operator, orgId: string, now: Date): Promise<BrokerageView> {
  const before = await lockBrokerage(tx, orgId);
  const [row] = await tx
    .update(brokerages)
    .set({ verifiedAt: now, verifiedBy: operator.userId, refusedAt: null, refusedBy: null, refusalReason: null })
    .where(eq(brokerages.orgId, orgId))
    .returning();
  if (!row) throw notFound("Cabinet");
  await appendAuditEvent(tx, {
    actor: operator,
    action: "brokerage.verified",
    entityType: "brokerage",
    entityId: orgId,
    occurredAt: now,
    data: {
      oriasNumber: row.oriasNumber,
      oriasCategories: row.oriasCategories,
      previousStatus: before.verifiedAt ? "verified" : before.refusedAt ? "refused" : "pending",
    },
  });
  return brokerageView(row);
}

/** Refused (registration not found, wrong categories, lapsed): the brokerage may not buy; a verified one loses it. */
export async function refuseBrokerage(tx: DbOrTx, operator: Operator, orgId: string, reason: string, now: Date): Promise<BrokerageView> {
  await lockBrokerage(tx, orgId);
  const [row] = await tx
    .update(brokerages)
    .set({ refusedAt: now, refusedBy: operator.userId, refusalReason: reason, verifiedAt: null, verifiedBy: null })
    .where(eq(brokerages.orgId, orgId))
    .returning();
  if (!row) throw notFound("Cabinet");
  await appendAuditEvent(tx, {
    actor: operator,
    action: "brokerage.refused",
    entityType: "brokerage",
    entityId: orgId,
    occurredAt: now,
    data: { oriasNumber: row.oriasNumber, reason },
  });
  return brokerageView(row);
}

/** The consent texts' partner categories the brokerage belongs to: which leads' consents cover it. */
export async function setPartnerCategories(
  tx: DbOrTx,
  operator: Operator,
  orgId: string,
  categories: readonly PartnerCategory[],
  now: Date,
): Promise<BrokerageView> {
  const before = await lockBrokerage(tx, orgId);
  const partnerCategories = [...new Set(categories)];
  const [row] = await tx.update(brokerages).set({ partnerCategories }).where(eq(brokerages.orgId, orgId)).returning();
  if (!row) throw notFound("Cabinet");
  await appendAuditEvent(tx, {
    actor: operator,
    action: "brokerage.partner_categories_set",
    entityType: "brokerage",
    entityId: orgId,
    occurredAt: now,
    data: { before: before.partnerCategories, after: partnerCategories },
  });
  return brokerageView(row);
}
