import { randomBytes } from "node:crypto";
import { canonicalJson, type EventFields, eventBody } from "./chain-hash";
import { type EvidenceKeys, hmac, sameMac } from "./evidence-keys";

// A nonce makes every MAC unique, so that a genuine event copied into a second row is seen as a replay
// (two rows with one MAC). Unique per process (random prefix) and per event (counter): no syscall per event.
const NONCE_PREFIX = randomBytes(6).toString("base64url");
let nonceCounter = 0;

/** `keyId.nonce.tag`: the MAC of an event by the signing key, stored in its `mac` column. */
export function signEvent(keys: EvidenceKeys, e: EventFields, dataJson: string): string {
  const nonce = `${NONCE_PREFIX}${(nonceCounter++).toString(36)}`;
  return `${keys.signing.id}.${nonce}.${hmac(keys.signing.eventKey, `${nonce}\n${eventBody(e, dataJson)}`)}`;
}

export type MacVerdict = "ok" | "missing" | "unknown_key" | "invalid";

/** Whether a stored event carries a MAC of the application over exactly its stored columns. */
export function checkEventMac(
  keys: EvidenceKeys,
  e: EventFields & { data: unknown; mac: string | null },
  body = eventBody(e, canonicalJson(e.data)),
): MacVerdict {
  if (!e.mac) return "missing";
  const [keyId = "", nonce = "", tag = ""] = e.mac.split(".");
  const key = keys.byId.get(keyId);
  if (!key) return "unknown_key";
  return sameMac(tag, hmac(key.eventKey, `${nonce}\n${body}`)) ? "ok" : "invalid";
}

export const MAC_PROBLEMS: Record<Exclude<MacVerdict, "ok">, string> = {
  missing: "événement sans signature de l'application (écrit directement dans la base)",
  unknown_key: "événement signé par une clé inconnue",
  invalid: "signature de l'événement invalide (écrit ou modifié hors de l'application)",
};
