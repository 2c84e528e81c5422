import type { DbOrTx } from "../../platform/db/client";
import { canonicalJson } from "./chain-hash";
import { signEvent } from "./event-mac";
import { evidenceKeys } from "./evidence-keys";
import { auditEvents } from "./schema";

export interface Actor {
  orgId?: string | null;
  userId?: string | null;
  apiKeyId?: string | null;
}

export interface AuditEventInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

/** The row of an event, with its MAC: what `appendAuditEvents` inserts. */
export function signedEventRow(e: AuditEventInput) {
  const row = {
    occurredAt: e.occurredAt ?? new Date(),
    orgId: e.actor.orgId ?? null,
    userId: e.actor.userId ?? null,
    apiKeyId: e.actor.apiKeyId ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    data: e.data ?? {},
  };
  // The data as PostgreSQL will give it back: what the verifier recomputes the MAC over.
  return { ...row, mac: signEvent(evidenceKeys(), row, canonicalJson(row.data)) };
}

/**
 * Records events in the caller's transaction, so an event exists exactly when the change does, each
 * with the application's MAC (a row written straight into the database has none it could forge).
 * Only an INSERT: the hash chain is sealed later by the sealer, off the request path.
 */
export async function appendAuditEvents(db: DbOrTx, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditEvents).values(events.map(signedEventRow));
}

export const appendAuditEvent = (db: DbOrTx, event: AuditEventInput) => appendAuditEvents(db, [event]);
