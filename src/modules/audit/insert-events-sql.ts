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

/** Who did what an event records: a brokerage's user, an API key, or the platform (no organisation). */
type EventActor = { orgId: string; userId: string | null; apiKeyId: string | null };

/**
 * `insert into audit_events … from unnest(…)` for events of one actor at one instant, each with the
 * application's MAC: a fragment that a caller composes into its own statement (intake puts it after the CTEs
 * that write the leads, so a batch and its journal are one round trip). One parameter per column, whatever
 * the number of events. Sign in the transaction that stores what the events record.
 */
export function auditEventsInsertSql(actor: EventActor, occurredAt: Date, events: readonly BulkAuditEvent[]): SQL {
  return actorsEventsInsertSql(
    occurredAt,
    events.map((event) => ({ actor, event })),
  );
}

/** auditEventsInsertSql for events of several actors at one instant (purchases of several brokerages made together). */
export function actorsEventsInsertSql(occurredAt: Date, entries: readonly { actor: EventActor; event: BulkAuditEvent }[]): SQL {
  const keys = evidenceKeys();
  const macs = entries.map(({ actor, event }) => signEvent(keys, { ...actor, ...event, occurredAt }, event.data));
  const column = (pick: (e: { actor: EventActor; event: BulkAuditEvent }) => string | null) => pgArrayLiteral(entries.map(pick));
  return sql`
    insert into audit_events (occurred_at, org_id, user_id, api_key_id, action, entity_type, entity_id, data, mac)
    select ${occurredAt.toISOString()}::timestamptz, org_id, user_id, api_key_id, action, entity_type, entity_id, data::jsonb, mac
    from unnest(${column((e) => e.actor.orgId)}::uuid[], ${column((e) => e.actor.userId)}::uuid[], ${column((e) => e.actor.apiKeyId)}::uuid[],
                ${column((e) => e.event.action)}::text[], ${column((e) => e.event.entityType)}::text[], ${column((e) => e.event.entityId)}::text[],
                ${column((e) => e.event.data)}::text[], ${pgArrayLiteral(macs)}::text[])
         as e(org_id, user_id, api_key_id, action, entity_type, entity_id, data, mac)`;
}
