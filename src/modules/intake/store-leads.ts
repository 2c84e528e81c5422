import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { preparedRows } from "../../platform/db/prepared-rows";
import { type Actor, auditEventsInsertSql } from "../audit";
import type { StoreColumns } from "./lead-columns";

/**
 * Leads, their consent records and their audit events in ONE statement (data-modifying CTEs over
 * unnested column arrays): one round trip per batch, whatever its size, and one parameter per column.
 * Typed arrays are what PostgreSQL reads fastest: measured on 1,000 leads, unnesting them costs well under
 * 1 ms where parsing the same rows from one JSON document (jsonb_to_recordset) cost 15 ms.
 * JSON columns travel as text and are cast once on the server. The events, built with each lead's digest
 * beside the columns, are inserted by the audit module's fragment, which MACs them in this transaction.
 * Accepted leads are put on the market in the same statement, so a lead is offered to the brokers exactly
 * when it is stored, whatever happens to the process afterwards: those of a product and type that some
 * active order of a verified brokerage asks for enter the backlog the marketplace's router takes them from
 * (it checks the rest: zone, caps, credit, ORIAS, consent coverage); the others, which no order could take,
 * go straight into the stock, as the router would have put them. That saves the router's reading and
 * writing them back (a quarter of PostgreSQL's time in a CSV import, decision 006). An order activated
 * while the statement runs takes the leads stored after it, as it would have with the router.
 * `claim`, when given, is a guard that must hold before anything is written (ingestLeadsAtOnce).
 */
export async function storeLeads(tx: DbOrTx, supplier: Actor, columns: StoreColumns, claim?: SQL) {
  if (columns.count === 0) return;
  // Prepared on PostgreSQL outside a transaction (the single-lead API's batches): planning this statement cost more than running it.
  await preparedRows(tx, claim ? "intake.store-claimed" : "intake.store", storeLeadsSql(supplier, columns, claim));
}

/** storeLeads' statement, on its own so that a test can check its plan. */
export function storeLeadsSql(
  supplier: Actor,
  { context, leads: l, consents: k, appointments: a, stockDeadlines: d, events }: StoreColumns,
  claim?: SQL,
): SQL {
  const now = context.now.toISOString();
  const actor = { orgId: context.supplierOrgId, userId: supplier.userId ?? null, apiKeyId: supplier.apiKeyId ?? null };
  return sql`
    with claimed as (select ${claim ?? sql`true`} as ok), new_leads as (
      insert into leads (id, supplier_org_id, product, type, status, reasons, channel, external_ref, first_name, last_name, phone, email,
                         postal_code, city, departement, fields, payload, payload_raw, import_id, import_row, created_at)
      select id, ${context.supplierOrgId}::uuid, product, type, status, coalesce(reasons::jsonb, '[]'::jsonb), ${context.channel},
             external_ref, first_name, last_name, phone, email, postal_code, city, departement, fields::jsonb,
             coalesce(payload::jsonb, 'null'::jsonb), payload_raw, ${context.importId}::uuid, import_row, ${now}::timestamptz
      from unnest(
        ${l.id}::uuid[], ${l.product}::text[], ${l.type}::text[], ${l.status}::text[], ${l.reasons}::text[], ${l.externalRef}::text[],
        ${l.firstName}::text[], ${l.lastName}::text[], ${l.phone}::text[], ${l.email}::text[],
        ${l.postalCode}::text[], ${l.city}::text[], ${l.departement}::text[], ${l.fields}::text[], ${l.payload}::text[], ${l.payloadRaw}::bytea[],
        ${l.importRow}::int[]
      ) as u(id, product, type, status, reasons, external_ref, first_name, last_name, phone, email, postal_code, city, departement, fields,
             payload, payload_raw, import_row)
      where (select ok from claimed)
      returning id, product, type, departement, postal_code, city
    ), new_consents as (
      insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, ip, user_agent, source_url,
                                 call_center, agent, recording_ref, fingerprint, recorded_at)
      select k.*, ${now}::timestamptz
      from unnest(
        ${k.leadId}::uuid[], ${k.method}::text[], ${k.prechecked}::boolean[], ${k.consentTextId}::uuid[], ${k.textVersion}::text[],
        ${k.textSha256}::text[], ${k.collectedAt}::timestamptz[], ${k.ip}::text[], ${k.userAgent}::text[], ${k.sourceUrl}::text[],
        ${k.callCenter}::text[], ${k.agent}::text[], ${k.recordingRef}::text[], ${k.fingerprint}::text[]
      ) as k
      returning lead_id, method, consent_text_id
    ), new_appointments as (
      insert into lead_appointments (lead_id, availabilities, channel, confirmation, consent_text_id, consent_text_version,
                                     consent_text_sha256, consent_collected_at, fingerprint, created_at)
      select a.lead_id, array(select jsonb_array_elements_text(a.availabilities::jsonb)::timestamptz), a.channel, a.confirmation,
             a.consent_text_id, a.consent_text_version, a.consent_text_sha256, a.consent_collected_at, a.fingerprint, ${now}::timestamptz
      from unnest(
        ${a.leadId}::uuid[], ${a.availabilities}::text[], ${a.channel}::text[], ${a.confirmation}::text[], ${a.consentTextId}::uuid[],
        ${a.consentTextVersion}::text[], ${a.consentTextSha256}::text[], ${a.consentCollectedAt}::timestamptz[], ${a.fingerprint}::text[]
      ) as a(lead_id, availabilities, channel, confirmation, consent_text_id, consent_text_version, consent_text_sha256,
             consent_collected_at, fingerprint)
      returning 1
    ), accepted as (
      select l.*, k.method, k.consent_text_id from new_leads l join new_consents k on k.lead_id = l.id
    ), routable as (
      select p.product, p.type from (select distinct product, type from accepted) p
      where exists (select 1 from broker_orders o join brokerages b on b.org_id = o.org_id and b.verified_at is not null
                    where o.status = 'active' and o.lead_type = p.type and o.products @> array[p.product])
    ), new_backlog as (
      insert into intake_backlog (lead_id) select id from accepted where (product, type) in (select product, type from routable)
      returning 1
    ), new_listings as (
      insert into market_listings (lead_id, product, lead_type, departement, postal_code, city, consent_method, consent_text_id, received_at,
                                   tier24_until, tier48_until, expires_at, stocked_at)
      select a.id, a.product, a.type, a.departement, a.postal_code, a.city, a.method, a.consent_text_id, ${now}::timestamptz,
             d.tier24_until, d.tier48_until, d.expires_at, ${now}::timestamptz
      from accepted a join unnest(${d.departement}::text[], ${d.tier24Until}::timestamptz[], ${d.tier48Until}::timestamptz[],
                                  ${d.expiresAt}::timestamptz[]) as d(departement, tier24_until, tier48_until, expires_at)
             on d.departement = coalesce(a.departement, '')
      where (a.product, a.type) not in (select product, type from routable)
      returning 1
    )
    ${auditEventsInsertSql(actor, context.now, events)}
  `;
}
