import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { consentTexts } from "../consent/schema";
import { consentFingerprint } from "../intake/fingerprint";
import { type ConsentEvidence, type LeadEvidence, leadDigest } from "../intake/lead-evidence";
import { leadConsents, leads } from "../intake/schema";

/** A lead as stored today: its row (the raw payload aside), its consent record, and its text's sha256. */
export interface StoredLead {
  lead: LeadEvidence;
  consent: (ConsentEvidence & { leadId: string }) | null;
  textSha256: string | null;
}

const leadColumns = {
  id: leads.id,
  supplierOrgId: leads.supplierOrgId,
  product: leads.product,
  type: leads.type,
  status: leads.status,
  reasons: leads.reasons,
  channel: leads.channel,
  externalRef: leads.externalRef,
  firstName: leads.firstName,
  lastName: leads.lastName,
  phone: leads.phone,
  email: leads.email,
  postalCode: leads.postalCode,
  city: leads.city,
  departement: leads.departement,
  fields: leads.fields,
  importId: leads.importId,
  importRow: leads.importRow,
  createdAt: leads.createdAt,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stored leads among these ids (any string: an id that is not a uuid simply matches no lead). */
export async function loadStoredLeads(db: DbOrTx, ids: string[]): Promise<Map<string, StoredLead>> {
  const wanted = ids.filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ lead: leadColumns, consent: leadConsents, textSha256: consentTexts.sha256 })
    .from(leads)
    .leftJoin(leadConsents, eq(leadConsents.leadId, leads.id))
    .leftJoin(consentTexts, eq(consentTexts.id, leadConsents.consentTextId))
    .where(sql`${leads.id} = any(${sql.param(wanted)}::uuid[])`);
  return new Map(rows.map((r) => [r.lead.id, r]));
}

export interface LeadFault {
  kind: "lead" | "consent";
  message: string;
}

/**
 * What no longer holds in a stored lead against the digest its event committed to, said in words. The
 * consent checks name the part that changed when only the consent record did (its fingerprint no
 * longer matches, or it points at a text whose sha256 is not the one recorded).
 */
export function storedLeadFaults(s: StoredLead, committedDigest: string): LeadFault[] {
  const faults: LeadFault[] = [];
  const c = s.consent;
  if (c && consentFingerprint({ ...s.lead, leadId: s.lead.id }, c) !== c.fingerprint)
    faults.push({ kind: "consent", message: "sa preuve de consentement ne correspond plus à son empreinte" });
  if (c && s.textSha256 !== c.textSha256)
    faults.push({ kind: "consent", message: "sa preuve pointe vers un texte de consentement qui n'est pas celui accepté" });
  if (leadDigest(s.lead, c) !== committedDigest)
    faults.push({
      kind: "lead",
      message: "ses données ou sa preuve de consentement ne sont plus celles enregistrées dans le journal d'audit",
    });
  return faults;
}
