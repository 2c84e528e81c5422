import type { DbOrTx } from "../../db/client";
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

function toRow(e: AuditEventInput) {
  return {
    occurredAt: e.occurredAt ?? new Date(),
    orgId: e.actor.orgId ?? null,
    userId: e.actor.userId ?? null,
    apiKeyId: e.actor.apiKeyId ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    data: e.data ?? {},
  };
}

/**
 * Records events in the caller's transaction, so an event exists exactly when the change does.
 * Only an INSERT: the hash chain is sealed later by the sealer, off the request path.
 */
export async function appendAuditEvents(db: DbOrTx, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditEvents).values(events.map(toRow));
}

export const appendAuditEvent = (db: DbOrTx, event: AuditEventInput) => appendAuditEvents(db, [event]);
