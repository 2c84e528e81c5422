import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { notFound } from "../../server/errors";
import { consentTexts } from "../consent/schema";
import { consentFingerprint } from "./fingerprint";
import { leadConsents, leads } from "./schema";

/** A lead with its consent proof, and whether the stored fingerprint still matches the stored data. */
export async function getLeadDetail(db: DbOrTx, orgId: string, leadId: string) {
  const [row] = await db
    .select({ lead: leads, consent: leadConsents, text: consentTexts })
    .from(leads)
    .leftJoin(leadConsents, eq(leadConsents.leadId, leads.id))
    .leftJoin(consentTexts, eq(consentTexts.id, leadConsents.consentTextId))
    .where(and(eq(leads.id, leadId), eq(leads.supplierOrgId, orgId)))
    .limit(1);
  // Another organisation's lead answers exactly like a missing one: its existence is not disclosed.
  if (!row) throw notFound("Lead");
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
  // What was sent, as JSON; and when the database could not hold it exactly, the exact bytes (base64).
  const { payload, payloadRaw, ...rest } = lead;
  return { ...rest, submitted: payload, submittedExact: payloadRaw?.toString("base64") ?? null, proof };
}

function proofOf(lead: typeof leads.$inferSelect, c: typeof leadConsents.$inferSelect) {
  const recomputed = consentFingerprint({ ...lead, leadId: lead.id }, c);
  const { leadId: _leadId, consentTextId: _textId, ...record } = c;
  return { ...record, fingerprintValid: recomputed === c.fingerprint };
}
