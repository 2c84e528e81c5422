import type { Db } from "../../../platform/db/client";
import { AppError } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import { parisMonth } from "../../catalogue/rules/dates";
import type { Actor } from "../write-followup";
import { runCampaign } from "./run-campaign";

/**
 * A manager's "Lancer la campagne du mois": the same statement as the monthly job, for this
 * organisation only, any past month included (catching up after an import). A future month is
 * refused: its cohort is not complete yet.
 */
export async function runCampaignNow(db: Db, actor: Actor, month: string | undefined, now: Date) {
  const current = parisMonth(now);
  const target = month ?? current;
  if (target > current) {
    throw new AppError("validation_error", {
      field: "month",
      message: `La campagne de ${target} ne peut pas être lancée avant le mois concerné.`,
    });
  }
  return db.transaction(async (tx) => {
    const result = await runCampaign(tx, { orgId: actor.orgId, month: target });
    await appendAuditEvent(tx, {
      actor,
      action: "followup.campaign_run",
      entityType: "followup_campaign",
      entityId: null,
      data: { ...result },
    });
    return result;
  });
}
