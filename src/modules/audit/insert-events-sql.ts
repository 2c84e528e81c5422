import { type SQL, sql } from "drizzle-orm";
import { pgArrayLiteral } from "../../platform/db/pg-array";
import { canonicalJson } from "./chain-hash";
import { signEvent } from "./event-mac";
import { evidenceKeys } from "./evidence-keys";

/** One event of a bulk insert: its data already as canonical JSON text (the text the MAC covers). */
export interface BulkAuditEvent {
  action: string;
  entityType: string;
  entityId: string;
  data: string;
}

/** An event built with its data as an object (the form appendAuditEvents takes), ready for a bulk insert. */
export const bulkEvent = (e: { action: string; entityType: string; entityId: string; data: Record<string, unknown> }): BulkAuditEvent => ({
  ...e,
  data: canonicalJson(e.data),
});

/**
 * `insert into audit_events … from unnest(…)` for events of one actor at one instant, each with the
 * application's MAC: a fragment that a caller composes into its own statement (intake puts it after the CTEs
 * that write the leads, so a batch and its journal are one round trip). One parameter per column, whatever
 * the number of events. Sign in the transaction that stores what the events record.
 */
export function auditEventsInsertSql(
  actor: { orgId: string; userId: string | null; apiKeyId: string | null },
  occurredAt: Date,
  events: readonly BulkAuditEvent[],
): SQL {
  const keys = evidenceKeys();
  const macs = events.map((e) => signEvent(keys, { ...actor, ...e, occurredAt }, e.data));
  const column = (pick: (e: BulkAuditEvent) => string) => pgArrayLiteral(events.map(pick));
  return sql`
    insert into audit_events (occurred_at, org_id, user_id, api_key_id, action, entity_type, entity_id, data, mac)
    select ${occurredAt.toISOString()}::timestamptz, ${actor.orgId}::uuid, ${actor.userId}::uuid, ${actor.apiKeyId}::uuid,
           action, entity_type, entity_id, data::jsonb, mac
    from unnest(${column((e) => e.action)}::text[], ${column((e) => e.entityType)}::text[], ${column((e) => e.entityId)}::text[],
                ${column((e) => e.data)}::text[], ${pgArrayLiteral(macs)}::text[]) as e(action, entity_type, entity_id, data, mac)`;
}
