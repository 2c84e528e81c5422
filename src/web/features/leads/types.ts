import type { RejectionReason } from "../../../modules/intake/rules/rejection";

export type Reason = Pick<RejectionReason, "field" | "message"> & { code: string };

export interface LeadSummary {
  id: string;
  product: string;
  status: "accepted" | "rejected";
  reasons: Reason[];
  channel: string;
  externalRef: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  postalCode: string | null;
  city: string | null;
  createdAt: string;
}

export interface ConsentTextSnapshot {
  version: string;
  title: string;
  body: string;
  sha256: string;
  partners: string[];
  publishedAt: string;
}

export interface ConsentProof {
  method: "checkbox" | "oral";
  prechecked: boolean;
  textVersion: string;
  textSha256: string;
  collectedAt: string;
  ip: string | null;
  userAgent: string | null;
  sourceUrl: string | null;
  callCenter: string | null;
  agent: string | null;
  recordingRef: string | null;
  fingerprint: string;
  fingerprintValid: boolean;
  recordedAt: string;
  text: ConsentTextSnapshot;
}

/** The lead checked against the signed audit journal (server: src/modules/evidence/lead-integrity.ts). */
export interface LeadIntegrity {
  status: "verified" | "pending" | "altered";
  checks: { code: string; state: "ok" | "pending" | "failed"; message: string }[];
}

export interface LeadDetail extends LeadSummary {
  fields: Record<string, unknown>;
  submitted: unknown;
  /** The exact bytes sent (base64), when `submitted` is only a readable copy of them. */
  submittedExact: string | null;
  proof: ConsentProof | null;
  integrity: LeadIntegrity;
  importId: string | null;
  importRow: number | null;
  departement: string | null;
}

/** Query filters shared by the list, the export and the dashboard statistics (GET /api/v1/leads…). */
export interface LeadFilters {
  status?: string;
  product?: string;
  channel?: string;
  importId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export const FILTER_KEYS = [
  "status",
  "product",
  "channel",
  "importId",
  "from",
  "to",
  "q",
] as const satisfies readonly (keyof LeadFilters)[];
