import { isPublicIp } from "../reference-data";
import { isHttpUrl } from "../reference-data/rules/url";
import type { PublishedText } from "./consent-text-cache";
import type { ConsentInput } from "./rules/lead-submission";
import { type RejectionReason, reason } from "./rules/rejection";

export interface ConsentRecord {
  method: "checkbox" | "oral";
  prechecked: boolean;
  text: PublishedText;
  collectedAt: Date;
  ip: string | null;
  userAgent: string | null;
  sourceUrl: string | null;
  callCenter: string | null;
  agent: string | null;
  recordingRef: string | null;
}

// A few minutes of clock skew between the supplier's server and ours is normal, not fraud.
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const blank = (s: string | undefined) => !s || s.trim() === "";

/** Every consent rule of spec §3.2 and §9; returns all reasons, not the first. */
export function checkConsent(
  consent: ConsentInput | undefined,
  text: PublishedText | null,
  now: Date,
): { record: ConsentRecord | null; reasons: RejectionReason[] } {
  if (!consent || (blank(consent.method) && blank(consent.textVersion) && consent.prechecked === undefined)) {
    return { record: null, reasons: [reason("consent_missing", "consent")] };
  }
  const reasons: RejectionReason[] = [];
  const method = consent.method === "checkbox" || consent.method === "oral" ? consent.method : null;
  if (!method) reasons.push(reason("consent_missing", "consent.method", 'méthode "checkbox" ou "oral" attendue'));
  // An unticked box is only proven by an explicit false: absent is not proof.
  if (method === "checkbox" && consent.prechecked !== false) {
    reasons.push(
      consent.prechecked === true
        ? reason("consent_prechecked", "consent.prechecked")
        : reason("consent_missing", "consent.prechecked", "préciser prechecked: false"),
    );
  }
  if (!text)
    reasons.push(reason("consent_text_unknown", "consent.textVersion", consent.textVersion ? `« ${consent.textVersion} »` : undefined));

  const collectedAt = consent.collectedAt ? new Date(consent.collectedAt) : null;
  if (!collectedAt || Number.isNaN(collectedAt.getTime())) {
    reasons.push(reason("consent_missing", "consent.collectedAt", "horodatage ISO 8601 attendu"));
  } else {
    if (collectedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) reasons.push(reason("consent_in_future", "consent.collectedAt"));
    if (text && collectedAt < text.publishedAt) reasons.push(reason("consent_before_text", "consent.collectedAt"));
  }

  if (method === "checkbox") {
    if (blank(consent.ip)) reasons.push(reason("consent_ip_missing", "consent.ip"));
    else if (!isPublicIp(consent.ip ?? "")) reasons.push(reason("consent_ip_not_public", "consent.ip", consent.ip));
    if (blank(consent.userAgent)) reasons.push(reason("consent_user_agent_missing", "consent.userAgent"));
    if (blank(consent.sourceUrl) || !isHttpUrl(consent.sourceUrl ?? ""))
      reasons.push(reason("consent_source_url_missing", "consent.sourceUrl"));
  }
  if (method === "oral") {
    if (blank(consent.callCenter)) reasons.push(reason("consent_call_center_missing", "consent.callCenter"));
    if (blank(consent.agent)) reasons.push(reason("consent_agent_missing", "consent.agent"));
    if (blank(consent.recordingRef)) reasons.push(reason("consent_recording_missing", "consent.recordingRef"));
  }
  if (reasons.length > 0 || !method || !text || !collectedAt) return { record: null, reasons };
  return {
    record: {
      method,
      prechecked: consent.prechecked === true,
      text,
      collectedAt,
      ip: consent.ip?.trim() || null,
      userAgent: consent.userAgent?.trim() || null,
      sourceUrl: consent.sourceUrl?.trim() || null,
      callCenter: consent.callCenter?.trim() || null,
      agent: consent.agent?.trim() || null,
      recordingRef: consent.recordingRef?.trim() || null,
    },
    reasons,
  };
}
