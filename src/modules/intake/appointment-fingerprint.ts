import { sha256Hex } from "../../lib/sha256";

/** The RDV part of a lead as fingerprinted: its slots, channel, confirmation and reinforced consent. */
export interface AppointmentEvidence {
  leadId: string;
  availabilities: string[];
  channel: string;
  confirmation: string;
  consentTextVersion: string;
  consentTextSha256: string;
  consentCollectedAt: string;
}

/**
 * sha256 over the appointment request and the fingerprint of the lead's main consent (which covers the
 * person and the collection evidence: IP, user-agent, URL): the reinforced consent is bound to the same
 * person and the same collection. Stored with the row and carried by the lead's journal event.
 */
export function appointmentFingerprint(a: AppointmentEvidence, consentFingerprint: string): string {
  return sha256Hex(
    JSON.stringify({
      availabilities: a.availabilities,
      channel: a.channel,
      confirmation: a.confirmation,
      consentCollectedAt: a.consentCollectedAt,
      consentFingerprint,
      consentTextSha256: a.consentTextSha256,
      consentTextVersion: a.consentTextVersion,
      leadId: a.leadId,
    }),
  );
}
