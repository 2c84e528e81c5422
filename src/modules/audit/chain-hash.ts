import { canonicalJson } from "../../lib/canonical-json";
import { sha256Hex } from "../../lib/sha256";
export const GENESIS_HASH = "0".repeat(64);

// Canonical JSON and SHA-256 are general tools (the lead's fingerprint uses them too); the chain re-exports them.
export { canonicalJson } from "../../lib/canonical-json";
export { sha256Hex } from "../../lib/sha256";

/** A moment as a Date, or already as its ISO string (rows read by the verifier keep them as text). */
export type Instant = Date | string;
export const isoOf = (t: Instant) => (typeof t === "string" ? t : t.toISOString());

/** An event's columns but its id, data and MAC. */
export interface EventFields {
  occurredAt: Instant;
  orgId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
}

const uuid = (v: string | null) => (v == null ? "null" : JSON.stringify(v.toLowerCase()));

/**
 * The canonical text of an event (keys sorted, as canonicalJson writes them) from its data already in
 * canonical JSON: a CSV batch event's data is written in the import's worker thread, and the verifier
 * computes it once for both the link and the MAC. Uuids in lower case, as PostgreSQL gives them back.
 */
export function eventBody(e: EventFields, dataJson: string): string {
  return `{"action":${JSON.stringify(e.action)},"apiKeyId":${uuid(e.apiKeyId)},"data":${dataJson},"entityId":${JSON.stringify(e.entityId ?? null)},"entityType":${JSON.stringify(e.entityType)},"occurredAt":"${isoOf(e.occurredAt)}","orgId":${uuid(e.orgId)},"userId":${uuid(e.userId)}}`;
}

export interface ChainableEvent extends EventFields {
  id: number;
  data: unknown;
  mac: string | null;
}

/** A link commits to the previous link and to every column of its event: id, MAC and body. */
export function linkHash(prevHash: string, e: ChainableEvent, body = eventBody(e, canonicalJson(e.data))): string {
  return sha256Hex(`${prevHash}\n${e.id}\n${e.mac ?? ""}\n${body}`);
}
