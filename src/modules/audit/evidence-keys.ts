import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The application's evidence keys: secrets that never go into the database. Each has an id, written
 * beside every MAC it makes, so a key can be replaced (rotation) while events sealed under the old one
 * stay verifiable: the keyring lists every key still needed, the last one signs.
 *
 * From each secret two keys are derived (HKDF), one to authenticate journal events and one to sign
 * chain checkpoints, so that a MAC made for one can never pass for the other.
 */
export interface EvidenceKey {
  id: string;
  eventKey: Buffer;
  checkpointKey: Buffer;
}

export interface EvidenceKeys {
  signing: EvidenceKey;
  byId: ReadonlyMap<string, EvidenceKey>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const MIN_SECRET_BYTES = 32;

function deriveKey(id: string, secret: Buffer): EvidenceKey {
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `leadsassurance ${purpose} v1`, 32));
  return { id, eventKey: derive("audit event mac"), checkpointKey: derive("audit checkpoint") };
}

/**
 * Reads a keyring: entries `id:secret` (secret in base64 or base64url, 32 bytes at least), one per line
 * or separated by commas; `#` starts a comment. The last entry is the signing key.
 */
export function parseEvidenceKeys(text: string, source: string): EvidenceKeys {
  const entries = text
    .split("\n")
    .flatMap((line) => line.replace(/#.*/, "").split(","))
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error(`${source} : aucune clé (format attendu : identifiant:secret_base64)`);
  const byId = new Map<string, EvidenceKey>();
  for (const entry of entries) {
    const [id = "", secret = ""] = entry.split(":", 2);
    if (!KEY_ID.test(id)) throw new Error(`${source} : identifiant de clé « ${id} » invalide (lettres, chiffres, - et _, 32 au plus)`);
    const bytes = Buffer.from(secret, "base64");
    if (bytes.length < MIN_SECRET_BYTES) throw new Error(`${source} : la clé « ${id} » doit faire ${MIN_SECRET_BYTES} octets au moins`);
    if (byId.has(id)) throw new Error(`${source} : la clé « ${id} » figure deux fois`);
    byId.set(id, deriveKey(id, bytes));
  }
  return { signing: [...byId.values()].at(-1) as EvidenceKey, byId };
}

/** A new keyring entry, as written to a key file. */
export const newKeyEntry = (id: string) => `${id}:${randomBytes(32).toString("base64url")}`;

export const hmac = (key: Buffer, message: string) => createHmac("sha256", key).update(message).digest("base64url");

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The keys of this process. A process-wide setting, like its environment: about twenty write paths in
 * every module journal events, and each would otherwise have to be handed the key. `start` installs the
 * configured keyring before anything is written; the test setup installs a test keyring.
 */
let installed: EvidenceKeys | null = null;

export function installEvidenceKeys(keys: EvidenceKeys) {
  installed = keys;
}

export function evidenceKeys(): EvidenceKeys {
  if (!installed) throw new Error("Clés de preuve non chargées : le journal d'audit ne peut rien écrire ni vérifier.");
  return installed;
}
