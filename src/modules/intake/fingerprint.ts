import { canonicalJson, sha256Hex } from "../audit/chain-hash";

export interface FingerprintInput {
  leadId: string;
  product: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  postalCode: string;
  city: string;
  method: string;
  prechecked: boolean;
  textVersion: string;
  textSha256: string;
  collectedAt: Date;
  ip: string | null;
  userAgent: string | null;
  sourceUrl: string | null;
  callCenter: string | null;
  agent: string | null;
  recordingRef: string | null;
}

/**
 * sha256 over the consent record and the identity it covers. Recomputed from the stored rows, it shows
 * whether anyone changed the person, the text version or the collection evidence after intake.
 */
export const consentFingerprint = (f: FingerprintInput) => sha256Hex(canonicalJson({ ...f, collectedAt: f.collectedAt.toISOString() }));
