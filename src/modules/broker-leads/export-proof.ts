import { type AuthContext, actorOf } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { appendAuditEvent } from "../audit";
import { brokerLeadDetail } from "./broker-lead-detail";
import { type PlatformIdentity, renderProofPdf } from "./proof-pdf";
import { WORK_EVENTS } from "./work-events";

/** The proof PDF of a bought lead; each export is recorded (who printed which proof, with which verdict). */
export async function exportProofPdf(db: Db, auth: AuthContext, leadId: string, platform: PlatformIdentity, now: Date) {
  const lead = await brokerLeadDetail(db, auth.orgId, leadId, now);
  const bytes = await renderProofPdf(lead, platform, now);
  await appendAuditEvent(db, {
    actor: actorOf(auth),
    action: WORK_EVENTS.proofExported,
    entityType: "lead",
    entityId: leadId,
    data: { integrity: lead.integrity.status, fingerprint: lead.proof?.fingerprint ?? null },
    occurredAt: now,
  });
  return { bytes, filename: `preuve-consentement-${leadId}.pdf` };
}
