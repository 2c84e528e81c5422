import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { RejectionReason } from "../../shared/rejection";
import type { Actor } from "../audit/append-event";
import type { LeadChannel } from "./schema";

export interface LeadRow {
  id: string;
  product: string;
  status: "accepted" | "rejected";
  reasons: RejectionReason[];
  externalRef: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  postalCode: string | null;
  city: string | null;
  departement: string | null;
  fields: Record<string, unknown>;
  payload: unknown;
  importRow: number | null;
}

export interface ConsentRow {
  leadId: string;
  method: string;
  prechecked: boolean;
  consentTextId: string;
  textVersion: string;
  textSha256: string;
  collectedAt: Date;
  ip: string | null;
  userAgent: string | null;
  sourceUrl: string | null;
  callCenter: string | null;
  agent: string | null;
  recordingRef: string | null;
  fingerprint: string;
}

/**
 * Leads, their consent records and their audit events in ONE statement (three data-modifying CTEs over
 * JSON record sets): one round trip and three parameters per batch, whatever its size. JSON is built by
 * V8's native serializer and parsed by PostgreSQL, far cheaper than binding rows × columns parameters.
 */
export async function storeLeads(
  tx: DbOrTx,
  supplier: Actor & { orgId: string },
  rows: LeadRow[],
  consents: ConsentRow[],
  opts: { channel: LeadChannel; importId?: string; now: Date },
) {
  if (rows.length === 0) return;
  const now = opts.now.toISOString();
  const leadRecords = rows.map((r) => ({
    id: r.id,
    product: r.product,
    status: r.status,
    reasons: r.reasons,
    external_ref: r.externalRef,
    first_name: r.firstName,
    last_name: r.lastName,
    phone: r.phone,
    email: r.email,
    postal_code: r.postalCode,
    city: r.city,
    departement: r.departement,
    fields: r.fields,
    payload: r.payload ?? null,
    import_row: r.importRow,
    action: r.status === "accepted" ? "lead.accepted" : "lead.rejected",
    audit: {
      product: r.product,
      channel: opts.channel,
      ...(r.status === "rejected" ? { reasons: r.reasons.map((x) => x.code) } : {}),
      ...(opts.importId ? { importId: opts.importId } : {}),
    },
  }));
  const consentRecords = consents.map((c) => ({
    lead_id: c.leadId,
    method: c.method,
    prechecked: c.prechecked,
    consent_text_id: c.consentTextId,
    text_version: c.textVersion,
    text_sha256: c.textSha256,
    collected_at: c.collectedAt.toISOString(),
    ip: c.ip,
    user_agent: c.userAgent,
    source_url: c.sourceUrl,
    call_center: c.callCenter,
    agent: c.agent,
    recording_ref: c.recordingRef,
    fingerprint: c.fingerprint,
  }));
  await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(leadRecords)}::jsonb) as u(
        id uuid, product text, status text, reasons jsonb, external_ref text, first_name text, last_name text, phone text, email text,
        postal_code text, city text, departement text, fields jsonb, payload jsonb, import_row int, action text, audit jsonb)
    ), new_leads as (
      insert into leads (id, supplier_org_id, product, type, status, reasons, channel, external_ref, first_name, last_name, phone, email,
                         postal_code, city, departement, fields, payload, import_id, import_row, created_at)
      select id, ${supplier.orgId}::uuid, product, 'lead', status, reasons, ${opts.channel}, external_ref, first_name, last_name, phone, email,
             postal_code, city, departement, fields, coalesce(payload, 'null'::jsonb), ${opts.importId ?? null}::uuid, import_row, ${now}::timestamptz
      from input
      returning 1
    ), new_consents as (
      insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, ip, user_agent, source_url,
                                 call_center, agent, recording_ref, fingerprint, recorded_at)
      select k.*, ${now}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(consentRecords)}::jsonb) as k(
        lead_id uuid, method text, prechecked boolean, consent_text_id uuid, text_version text, text_sha256 text, collected_at timestamptz,
        ip text, user_agent text, source_url text, call_center text, agent text, recording_ref text, fingerprint text)
      returning 1
    )
    insert into audit_events (occurred_at, org_id, user_id, api_key_id, action, entity_type, entity_id, data)
    select ${now}::timestamptz, ${supplier.orgId}::uuid, ${supplier.userId ?? null}::uuid, ${supplier.apiKeyId ?? null}::uuid, action, 'lead', id::text, audit
    from input
  `);
}
