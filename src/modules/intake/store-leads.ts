import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { Actor } from "../audit/append-event";
import type { StoreColumns } from "./lead-columns";
import type { LeadChannel } from "./schema";

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
  { count, leads: l, consents: k }: StoreColumns,
  opts: { channel: LeadChannel; importId?: string; now: Date },
) {
  if (count === 0) return;
  const now = opts.now.toISOString();
  await tx.execute(sql`
    with sent as (
      select * from unnest(
        ${l.id}::uuid[], ${l.product}::text[], ${l.status}::text[], ${l.reasons}::text[], ${l.externalRef}::text[],
        ${l.firstName}::text[], ${l.lastName}::text[], ${l.phone}::text[], ${l.email}::text[],
        ${l.postalCode}::text[], ${l.city}::text[], ${l.departement}::text[], ${l.fields}::text[], ${l.payload}::text[], ${l.payloadRaw}::bytea[],
        ${l.importRow}::int[]
      ) as u(id, product, status, reasons, external_ref, first_name, last_name, phone, email, postal_code, city, departement, fields,
             payload, payload_raw, import_row)
    ), input as (
      select id, product, status, coalesce(reasons::jsonb, '[]'::jsonb) as reasons, external_ref, first_name, last_name, phone, email,
             postal_code, city, departement, fields::jsonb as fields, coalesce(payload::jsonb, 'null'::jsonb) as payload, payload_raw, import_row,
             (select jsonb_agg(r -> 'code') from jsonb_array_elements(reasons::jsonb) r) as codes
      from sent
    ), new_leads as (
      insert into leads (id, supplier_org_id, product, type, status, reasons, channel, external_ref, first_name, last_name, phone, email,
                         postal_code, city, departement, fields, payload, payload_raw, import_id, import_row, created_at)
      select id, ${supplier.orgId}::uuid, product, 'lead', status, reasons, ${opts.channel}, external_ref, first_name, last_name, phone,
             email, postal_code, city, departement, fields, payload, payload_raw, ${opts.importId ?? null}::uuid, import_row, ${now}::timestamptz
      from input
      returning 1
    ), new_consents as (
      insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, ip, user_agent, source_url,
                                 call_center, agent, recording_ref, fingerprint, recorded_at)
      select k.*, ${now}::timestamptz
      from unnest(
        ${k.leadId}::uuid[], ${k.method}::text[], ${k.prechecked}::boolean[], ${k.consentTextId}::uuid[], ${k.textVersion}::text[],
        ${k.textSha256}::text[], ${k.collectedAt}::timestamptz[], ${k.ip}::text[], ${k.userAgent}::text[], ${k.sourceUrl}::text[],
        ${k.callCenter}::text[], ${k.agent}::text[], ${k.recordingRef}::text[], ${k.fingerprint}::text[]
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
