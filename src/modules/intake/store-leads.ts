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

// Column arrays bound as single parameters: a batch costs the same handful of parameters whatever its size.
const arr = <T, V>(rows: T[], pick: (r: T) => V) => sql.param(rows.map(pick));
const json = (v: unknown) => JSON.stringify(v ?? null);

/**
 * Leads, their consent records and their audit events in ONE statement (three data-modifying CTEs):
 * one round trip per batch instead of three, and per-column arrays instead of rows × columns parameters.
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
  const audit = rows.map((r) => ({
    action: r.status === "accepted" ? "lead.accepted" : "lead.rejected",
    data: {
      product: r.product,
      channel: opts.channel,
      ...(r.status === "rejected" ? { reasons: r.reasons.map((x) => x.code) } : {}),
      ...(opts.importId ? { importId: opts.importId } : {}),
    },
  }));
  await tx.execute(sql`
    with new_leads as (
      insert into leads (id, supplier_org_id, product, type, status, reasons, channel, external_ref, first_name, last_name, phone, email,
                         postal_code, city, departement, fields, payload, import_id, import_row, created_at)
      select u.id, ${supplier.orgId}::uuid, u.product, 'lead', u.status, u.reasons, ${opts.channel}, u.external_ref, u.first_name, u.last_name,
             u.phone, u.email, u.postal_code, u.city, u.departement, u.fields, u.payload, ${opts.importId ?? null}::uuid, u.import_row, ${now}::timestamptz
      from unnest(${arr(rows, (r) => r.id)}::uuid[], ${arr(rows, (r) => r.product)}::text[], ${arr(rows, (r) => r.status)}::text[],
                  ${arr(rows, (r) => json(r.reasons))}::jsonb[], ${arr(rows, (r) => r.externalRef)}::text[], ${arr(rows, (r) => r.firstName)}::text[],
                  ${arr(rows, (r) => r.lastName)}::text[], ${arr(rows, (r) => r.phone)}::text[], ${arr(rows, (r) => r.email)}::text[],
                  ${arr(rows, (r) => r.postalCode)}::text[], ${arr(rows, (r) => r.city)}::text[], ${arr(rows, (r) => r.departement)}::text[],
                  ${arr(rows, (r) => json(r.fields))}::jsonb[], ${arr(rows, (r) => json(r.payload))}::jsonb[], ${arr(rows, (r) => r.importRow)}::int[])
        as u(id, product, status, reasons, external_ref, first_name, last_name, phone, email, postal_code, city, departement, fields, payload, import_row)
      returning 1
    ), new_consents as (
      insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, ip, user_agent, source_url,
                                 call_center, agent, recording_ref, fingerprint, recorded_at)
      select k.*, ${now}::timestamptz
      from unnest(${arr(consents, (c) => c.leadId)}::uuid[], ${arr(consents, (c) => c.method)}::text[], ${arr(consents, (c) => c.prechecked)}::boolean[],
                  ${arr(consents, (c) => c.consentTextId)}::uuid[], ${arr(consents, (c) => c.textVersion)}::text[], ${arr(consents, (c) => c.textSha256)}::text[],
                  ${arr(consents, (c) => c.collectedAt.toISOString())}::timestamptz[], ${arr(consents, (c) => c.ip)}::text[], ${arr(consents, (c) => c.userAgent)}::text[],
                  ${arr(consents, (c) => c.sourceUrl)}::text[], ${arr(consents, (c) => c.callCenter)}::text[], ${arr(consents, (c) => c.agent)}::text[],
                  ${arr(consents, (c) => c.recordingRef)}::text[], ${arr(consents, (c) => c.fingerprint)}::text[]) as k
      returning 1
    )
    insert into audit_events (occurred_at, org_id, user_id, api_key_id, action, entity_type, entity_id, data)
    select ${now}::timestamptz, ${supplier.orgId}::uuid, ${supplier.userId ?? null}::uuid, ${supplier.apiKeyId ?? null}::uuid, a.action, 'lead', a.entity_id, a.data
    from unnest(${arr(audit, (a) => a.action)}::text[], ${arr(rows, (r) => r.id)}::text[], ${arr(audit, (a) => json(a.data))}::jsonb[]) as a(action, entity_id, data)
  `);
}
