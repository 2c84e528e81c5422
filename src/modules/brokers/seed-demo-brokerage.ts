import type { DbOrTx } from "../../platform/db/client";
import { appendAuditEvents } from "../audit";
import { frenchVatNumber } from "../reference-data";
import { PARTNER_CATEGORY_KEYS } from "./rules/partner-categories";
import { brokerages } from "./schema";

/**
 * The demo cabinet's brokerage, already verified by the demo operator, registered both as an insurance
 * broker (COA) and a credit broker (COBSP), in every partner category: the demo can buy any demo lead.
 */
export async function seedDemoBrokerage(
  tx: DbOrTx,
  input: { orgId: string; legalName: string; siren: string; oriasNumber: string; operatorUserId: string; operatorOrgId: string; now: Date },
) {
  const row = {
    orgId: input.orgId,
    legalName: input.legalName,
    siren: input.siren,
    vatNumber: frenchVatNumber(input.siren),
    addressLine: "12 rue Paradis",
    postalCode: "13001",
    city: "Marseille",
    oriasNumber: input.oriasNumber,
    oriasCategories: ["COA", "COBSP"],
    partnerCategories: [...PARTNER_CATEGORY_KEYS],
    verifiedAt: input.now,
    verifiedBy: input.operatorUserId,
    createdAt: input.now,
  };
  await tx.insert(brokerages).values(row);
  await appendAuditEvents(tx, [
    {
      actor: { orgId: input.orgId },
      action: "brokerage.signed_up",
      entityType: "brokerage",
      entityId: input.orgId,
      occurredAt: input.now,
      data: {
        legalName: row.legalName,
        siren: row.siren,
        vatNumber: row.vatNumber,
        oriasNumber: row.oriasNumber,
        oriasCategories: row.oriasCategories,
        demo: true,
      },
    },
    {
      actor: { orgId: input.operatorOrgId, userId: input.operatorUserId },
      action: "brokerage.verified",
      entityType: "brokerage",
      entityId: input.orgId,
      occurredAt: input.now,
      data: { oriasNumber: row.oriasNumber, oriasCategories: row.oriasCategories, previousStatus: "pending" },
    },
    {
      actor: { orgId: input.operatorOrgId, userId: input.operatorUserId },
      action: "brokerage.partner_categories_set",
      entityType: "brokerage",
      entityId: input.orgId,
      occurredAt: input.now,
      data: { before: [], after: row.partnerCategories },
    },
  ]);
}
