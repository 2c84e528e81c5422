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
 * unnested column arrays): one round trip per batch, whatever its size, and one parameter per column.
 * Typed arrays are what PostgreSQL reads fastest: measured on 1,000 leads, unnesting them costs well under
 * 1 ms where parsing the same rows from one JSON document (jsonb_to_recordset) cost 15 ms.
 * JSON columns travel as text and are cast once on the server.
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
  const col = <T>(pick: (r: LeadRow) => T) => sql.param(rows.map(pick));
  const kcol = <T>(pick: (c: ConsentRow) => T) => sql.param(consents.map(pick));
  await tx.execute(sql`
    with sent as (
      select * from unnest(
        ${col((r) => r.id)}::uuid[], ${col((r) => r.product)}::text[], ${col((r) => r.status)}::text[],
        ${col((r) => (r.reasons.length === 0 ? null : JSON.stringify(r.reasons)))}::text[], ${col((r) => r.externalRef)}::text[],
        ${col((r) => r.firstName)}::text[], ${col((r) => r.lastName)}::text[], ${col((r) => r.phone)}::text[], ${col((r) => r.email)}::text[],
        ${col((r) => r.postalCode)}::text[], ${col((r) => r.city)}::text[], ${col((r) => r.departement)}::text[],
        ${col((r) => JSON.stringify(r.fields))}::text[], ${col((r) => (r.payload == null ? null : JSON.stringify(r.payload)))}::text[],
        ${col((r) => r.importRow)}::int[]
      ) as u(id, product, status, reasons, external_ref, first_name, last_name, phone, email, postal_code, city, departement, fields,
             payload, import_row)
    ), input as (
      -- Nulls travel cheaper than "[]" and "null" (no escaping, no parsing): accepted leads send none.
      select id, product, status, coalesce(reasons::jsonb, '[]'::jsonb) as reasons, external_ref, first_name, last_name, phone, email,
             postal_code, city, departement, fields::jsonb as fields, coalesce(payload::jsonb, 'null'::jsonb) as payload, import_row,
             (select jsonb_agg(r -> 'code') from jsonb_array_elements(reasons::jsonb) r) as codes
      from sent
    ), new_leads as (
      insert into leads (id, supplier_org_id, product, type, status, reasons, channel, external_ref, first_name, last_name, phone, email,
                         postal_code, city, departement, fields, payload, import_id, import_row, created_at)
      select id, ${supplier.orgId}::uuid, product, 'lead', status, reasons, ${opts.channel}, external_ref, first_name, last_name, phone,
             email, postal_code, city, departement, fields, payload, ${opts.importId ?? null}::uuid, import_row, ${now}::timestamptz
      from input
      returning 1
    ), new_consents as (
      insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, ip, user_agent, source_url,
                                 call_center, agent, recording_ref, fingerprint, recorded_at)
      select k.*, ${now}::timestamptz
      from unnest(
        ${kcol((c) => c.leadId)}::uuid[], ${kcol((c) => c.method)}::text[], ${kcol((c) => c.prechecked)}::boolean[],
        ${kcol((c) => c.consentTextId)}::uuid[], ${kcol((c) => c.textVersion)}::text[], ${kcol((c) => c.textSha256)}::text[],
        ${kcol((c) => c.collectedAt.toISOString())}::timestamptz[], ${kcol((c) => c.ip)}::text[], ${kcol((c) => c.userAgent)}::text[],
        ${kcol((c) => c.sourceUrl)}::text[], ${kcol((c) => c.callCenter)}::text[], ${kcol((c) => c.agent)}::text[],
        ${kcol((c) => c.recordingRef)}::text[], ${kcol((c) => c.fingerprint)}::text[]
      ) as k
      returning 1
    )
    insert into audit_events (occurred_at, org_id, user_id, api_key_id, action, entity_type, entity_id, data)
    select ${now}::timestamptz, ${supplier.orgId}::uuid, ${supplier.userId ?? null}::uuid, ${supplier.apiKeyId ?? null}::uuid, ${
      opts.importId ? batchEvent(opts.importId) : leadEvent(opts.channel)
    }
  `);
}

/** One event per lead: its product, the channel, and the reason codes of a rejection. */
const leadEvent = (
  channel: LeadChannel,
) => sql`case when status = 'accepted' then 'lead.accepted' else 'lead.rejected' end, 'lead', id::text,
  jsonb_strip_nulls(jsonb_build_object('product', product, 'channel', ${channel}::text, 'reasons', codes)) from input`;

/**
 * A CSV import is journaled per batch: one event names every lead of its rows with its fate, where
 * one event per lead tripled the rows written and the chain links to seal (decision 006). The chain
 * commits to the batch's exact list of lead ids all the same; a lead finds its event through its
 * import and row number.
 */
const batchEvent = (importId: string) => sql`'csv_import.batch', 'csv_import', ${importId}::text,
  jsonb_build_object(
    'product', min(product), 'channel', 'csv', 'rows', jsonb_build_array(min(import_row), max(import_row)),
    'accepted', coalesce(jsonb_agg(id order by import_row) filter (where status = 'accepted'), '[]'::jsonb),
    'rejected', coalesce(jsonb_agg(jsonb_build_object('id', id, 'row', import_row, 'reasons', codes) order by import_row)
                         filter (where status = 'rejected'), '[]'::jsonb))
  from input`;
