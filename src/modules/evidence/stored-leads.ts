import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { isoText } from "../audit";
import { type ConsentEvidence, consentFingerprint, type LeadEvidence, leadDigest } from "../intake";

/** A lead as stored today: its row (the raw payload aside), its consent record, and its text's sha256. */
export interface StoredLead {
  lead: LeadEvidence;
  consent: ConsentEvidence | null;
  textSha256: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LEAD_FIELDS: [keyof LeadEvidence, string][] = [
  ["id", "l.id"],
  ["supplierOrgId", "l.supplier_org_id"],
  ["product", "l.product"],
  ["type", "l.type"],
  ["status", "l.status"],
  ["reasons", "l.reasons"],
  ["channel", "l.channel"],
  ["externalRef", "l.external_ref"],
  ["firstName", "l.first_name"],
  ["lastName", "l.last_name"],
  ["phone", "l.phone"],
  ["email", "l.email"],
  ["postalCode", "l.postal_code"],
  ["city", "l.city"],
  ["departement", "l.departement"],
  ["fields", "l.fields"],
  ["importId", "l.import_id"],
  ["importRow", "l.import_row"],
  ["createdAt", isoText("l.created_at")],
];
const CONSENT_FIELDS: [keyof ConsentEvidence, string][] = [
  ["consentTextId", "k.consent_text_id"],
  ["method", "k.method"],
  ["prechecked", "k.prechecked"],
  ["textVersion", "k.text_version"],
  ["textSha256", "k.text_sha256"],
  ["collectedAt", isoText("k.collected_at")],
  ["ip", "k.ip"],
  ["userAgent", "k.user_agent"],
  ["sourceUrl", "k.source_url"],
  ["callCenter", "k.call_center"],
  ["agent", "k.agent"],
  ["recordingRef", "k.recording_ref"],
  ["fingerprint", "k.fingerprint"],
  ["recordedAt", isoText("k.recorded_at")],
];

/**
 * A lead, its consent record and its text's sha256 as columns `l_*`, `k_*` and `t_sha256`, for a query
 * that joins them with `storedLeadJoin`: the verifier reads them beside each lead's event, page by page,
 * with their times already as ISO text.
 */
export const STORED_LEAD_COLUMNS = sql.raw(
  [...LEAD_FIELDS.map(([name, col]) => `${col} as "l_${name}"`), ...CONSENT_FIELDS.map(([name, col]) => `${col} as "k_${name}"`)]
    .concat(["k.lead_id is not null as k_found", "t.sha256 as t_sha256"])
    .join(", "),
);

/** Joins the lead whose id is `leadId` (an SQL expression of type uuid), its consent record and its text. */
export const storedLeadJoin = (leadId: string) =>
  sql.raw(
    `left join leads l on l.id = ${leadId} left join lead_consents k on k.lead_id = l.id left join consent_texts t on t.id = k.consent_text_id`,
  );

// Column aliases made once: this runs for every lead the verifier reads.
const LEAD_KEYS = LEAD_FIELDS.map(([name]) => [name, `l_${name}`] as const);
const CONSENT_KEYS = CONSENT_FIELDS.map(([name]) => [name, `k_${name}`] as const);

/** The StoredLead of a row read with STORED_LEAD_COLUMNS (null: no such lead). */
export function storedLeadOf(row: Record<string, unknown>): StoredLead | null {
  if (row.l_id == null) return null;
  const lead: Record<string, unknown> = {};
  for (const [name, alias] of LEAD_KEYS) lead[name] = row[alias];
  let consent: Record<string, unknown> | null = null;
  if (row.k_found) {
    consent = {};
    for (const [name, alias] of CONSENT_KEYS) consent[name] = row[alias];
  }
  return {
    lead: lead as unknown as LeadEvidence,
    consent: consent as ConsentEvidence | null,
    textSha256: (row.t_sha256 as string) ?? null,
  };
}

/** The stored leads among these ids (any string: an id that is not a uuid matches no lead). */
export async function loadStoredLeads(db: DbOrTx, ids: string[]): Promise<Map<string, StoredLead>> {
  const wanted = ids.filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const res = await rawRows<Record<string, unknown>>(
    db,
    sql`select ${STORED_LEAD_COLUMNS} from unnest(${sql.param(wanted)}::uuid[]) as w(id) ${storedLeadJoin("w.id")}`,
  );
  const out = new Map<string, StoredLead>();
  for (const row of res) {
    const stored = storedLeadOf(row);
    if (stored) out.set(stored.lead.id, stored);
  }
  return out;
}

export interface LeadFault {
  kind: "lead" | "consent";
  message: string;
}

/**
 * What no longer holds in a stored lead against the digest its event committed to, said in words (none
 * when the digest matches: it covers every column). The consent checks name the part that changed when
 * the consent record did: its fingerprint no longer matches, or it points at a text that is not the one
 * whose sha256 was recorded.
 */
export function storedLeadFaults(s: StoredLead, committedDigest: string): LeadFault[] {
  if (leadDigest(s.lead, s.lead, s.consent, s.consent?.recordedAt ?? null) === committedDigest) return [];
  const faults: LeadFault[] = [];
  const c = s.consent;
  if (c && consentFingerprint({ ...s.lead, leadId: s.lead.id }, { ...c, collectedAt: new Date(c.collectedAt) }) !== c.fingerprint)
    faults.push({ kind: "consent", message: "sa preuve de consentement ne correspond plus à son empreinte" });
  if (c && s.textSha256 !== c.textSha256)
    faults.push({ kind: "consent", message: "sa preuve pointe vers un texte de consentement qui n'est pas celui accepté" });
  faults.push({
    kind: "lead",
    message: "ses données ou sa preuve de consentement ne sont plus celles enregistrées dans le journal d'audit",
  });
  return faults;
}
