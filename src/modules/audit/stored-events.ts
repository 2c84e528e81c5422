import { sql } from "drizzle-orm";
import type { ChainableEvent } from "./chain-hash";

/** An event as the verifier reads it: plain rows, its time already as the ISO text its MAC and link cover. */
export interface StoredEvent extends ChainableEvent {
  occurredAt: string;
}

/** A timestamp column as `Date#toISOString` writes it, computed by the database: no Date per row. */
export const isoText = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The columns of `audit_events` (aliased `e`) as StoredEvent. */
export const STORED_EVENT_COLUMNS = sql.raw(
  `e.id::float8 as id, ${isoText("e.occurred_at")} as "occurredAt", e.org_id as "orgId", e.user_id as "userId", e.api_key_id as "apiKeyId", e.action, e.entity_type as "entityType", e.entity_id as "entityId", e.data, e.mac`,
);
