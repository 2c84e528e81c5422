import { and, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { AppError, notFound } from "../../platform/errors";
import { consentTexts } from "../consent/schema";
import { consentFingerprint } from "../intake";
import { leadConsents, leads } from "../intake/schema";
import { leadIntegrity, parisTime, recordOfMissingLead } from "./lead-integrity";

/**
 * A lead with its consent proof: whether the stored fingerprint still matches the stored data, and the
 * lead's integrity against the audit journal (lead-integrity.ts).
 */
export async function getLeadDetail(db: DbOrTx, orgId: string, leadId: string, now: Date) {
  const found = await leadWithProof(db, and(eq(leads.id, leadId), eq(leads.supplierOrgId, orgId)), now);
  if (!found) {
    // A lead deleted in the database is not silently missing: the journal says it was recorded.
    const record = await recordOfMissingLead(db, orgId, leadId);
    if (record)
      throw new AppError("lead_deleted", {
        message: `Ce lead a été supprimé de la base : l'événement n° ${record.id} du journal d'audit atteste son enregistrement le ${parisTime(record.occurredAt)}.`,
      });
    // Another organisation's lead answers exactly like a missing one: its existence is not disclosed.
    throw notFound("Lead");
  }
  // What was sent, as JSON; and when the database could not hold it exactly, the exact bytes (base64).
  const { payload, payloadRaw, ...rest } = found.lead;
  return {
    ...rest,
    submitted: payload,
    submittedExact: payloadRaw?.toString("base64") ?? null,
    proof: found.proof,
    integrity: found.integrity,
  };
}

/**
 * A lead, its consent proof (with whether the stored fingerprint still matches the stored data) and its
 * integrity against the audit journal. `where` is the caller's access rule: the supplier's organisation
 * here, the buying brokerage's sale in the broker space.
 */
export async function leadWithProof(db: DbOrTx, where: SQL | undefined, now: Date) {
  const [row] = await db
    .select({ lead: leads, consent: leadConsents, text: consentTexts })
    .from(leads)
    .leftJoin(leadConsents, eq(leadConsents.leadId, leads.id))
    .leftJoin(consentTexts, eq(consentTexts.id, leadConsents.consentTextId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const { lead, consent, text } = row;
  const proof =
    consent && text
      ? {
          ...proofOf(lead, consent),
          text: {
            version: text.version,
            title: text.title,
            body: text.body,
            sha256: text.sha256,
            partners: text.partners,
            publishedAt: text.publishedAt,
          },
        }
      : null;
  const integrity = await leadIntegrity(db, { lead, consent, textSha256: text?.sha256 ?? null }, now);
  return { lead, proof, integrity };
}

function proofOf(lead: typeof leads.$inferSelect, c: typeof leadConsents.$inferSelect) {
  const recomputed = consentFingerprint({ ...lead, leadId: lead.id }, c);
  const { leadId: _leadId, consentTextId: _textId, ...record } = c;
  return { ...record, fingerprintValid: recomputed === c.fingerprint };
}
