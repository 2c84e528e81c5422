import { createHash } from "node:crypto";
import { canonicalJson, type Instant, isoOf } from "../audit/chain-hash";
import type { ConsentRow, LeadRow } from "./lead-columns";

/**
 * What a lead is, committed into the audit chain: every column of its row but the raw payload, and every
 * column of its consent record. The journal event that records a lead carries this digest, under the
 * application's MAC; the verifier and the proof view recompute it from the rows as stored today, so a
 * change to any of them (status, reasons, product fields, dates, identity, the consent's IP or text)
 * shows, and so does a lead deleted, or one inserted without its event.
 */
export type LeadEvidence = Omit<LeadRow, "payload" | "status" | "reasons" | "fields"> & {
  supplierOrgId: string;
  type: string;
  status: string;
  reasons: unknown;
  channel: string;
  fields: unknown;
  importId: string | null;
  createdAt: Instant;
};

export type ConsentEvidence = Omit<ConsentRow, "leadId" | "collectedAt"> & { collectedAt: Instant; recordedAt: Instant };

const uuid = (v: string | null) => v?.toLowerCase() ?? null;

/**
 * 128 bits of sha256 (base64url, 22 characters) over a positional JSON array: a fixed layout serialises
 * at native speed (it runs for every lead, in the CSV worker thread too), and nested values (reasons,
 * product fields) in canonical JSON, as PostgreSQL's jsonb gives them back in any key order. 128 bits
 * keep CSV batch events compact and leave a forger 2^128 tries to match one.
 */
export function leadDigest(l: LeadEvidence, c: ConsentEvidence | null): string {
  const consent = c && [
    uuid(c.consentTextId),
    c.method,
    c.prechecked,
    c.textVersion,
    c.textSha256,
    isoOf(c.collectedAt),
    c.ip,
    c.userAgent,
    c.sourceUrl,
    c.callCenter,
    c.agent,
    c.recordingRef,
    c.fingerprint,
    isoOf(c.recordedAt),
  ];
  const record = JSON.stringify([
    "lead/1",
    uuid(l.id),
    uuid(l.supplierOrgId),
    l.product,
    l.type,
    l.status,
    canonicalJson(l.reasons),
    l.channel,
    l.externalRef,
    l.firstName,
    l.lastName,
    l.phone,
    l.email,
    l.postalCode,
    l.city,
    l.departement,
    canonicalJson(l.fields),
    uuid(l.importId),
    l.importRow,
    isoOf(l.createdAt),
    consent,
  ]);
  return createHash("sha256").update(record).digest().subarray(0, 16).toString("base64url");
}

export const DIGEST_LENGTH = 22;

/** A journal event of intake, its data already in canonical JSON (the MAC is made where the key is). */
export interface IntakeEvent {
  action: string;
  entityType: string;
  entityId: string;
  data: string;
}

export const LEAD_EVENTS = ["lead.accepted", "lead.rejected"];
export const CSV_BATCH_EVENT = "csv_import.batch";

interface JournaledLead {
  id: string;
  product: string;
  status: "accepted" | "rejected";
  reasons: { code: string }[];
  importRow: number | null;
  digest: string;
}

/**
 * API and form leads get one event each, with their digest. A CSV import is journaled per batch: one event
 * names every lead of its rows with its fate, where one event per lead tripled the rows written and the
 * chain links to seal (decision 006), and commits to each lead's digest all the same: `digests` holds
 * them end to end, for the accepted leads then the rejected ones, in the order listed.
 */
export function intakeEvents(leads: JournaledLead[], channel: string, importId: string | null): IntakeEvent[] {
  if (leads.length === 0) return [];
  const codes = (l: JournaledLead) => l.reasons.map((r) => r.code);
  if (!importId) {
    return leads.map((l) => ({
      action: l.status === "accepted" ? "lead.accepted" : "lead.rejected",
      entityType: "lead",
      entityId: l.id,
      data: canonicalJson({ channel, digest: l.digest, product: l.product, reasons: l.status === "rejected" ? codes(l) : undefined }),
    }));
  }
  const byRow = [...leads].sort((a, b) => (a.importRow ?? 0) - (b.importRow ?? 0));
  const accepted = byRow.filter((l) => l.status === "accepted");
  const rejected = byRow.filter((l) => l.status === "rejected");
  const data = {
    accepted: accepted.map((l) => l.id),
    channel,
    digests: [...accepted, ...rejected].map((l) => l.digest).join(""),
    product: (byRow[0] as JournaledLead).product,
    rejected: rejected.map((l) => ({ id: l.id, reasons: codes(l), row: l.importRow })),
    rows: [byRow[0]?.importRow ?? null, byRow.at(-1)?.importRow ?? null],
  };
  return [{ action: CSV_BATCH_EVENT, entityType: "csv_import", entityId: importId, data: canonicalJson(data) }];
}

/** The leads an intake event commits to, with their digests (none for any other event). */
export function committedLeads(action: string, entityId: string | null, data: unknown): { leadId: string; digest: string }[] {
  const d = (data ?? {}) as Record<string, unknown>;
  if (LEAD_EVENTS.includes(action)) return entityId && typeof d.digest === "string" ? [{ leadId: entityId, digest: d.digest }] : [];
  if (action !== CSV_BATCH_EVENT) return [];
  const ids = [
    ...(Array.isArray(d.accepted) ? d.accepted : []),
    ...(Array.isArray(d.rejected) ? d.rejected.map((r: { id?: unknown }) => r?.id) : []),
  ];
  const digests = typeof d.digests === "string" ? d.digests : "";
  return ids.map((id, i) => ({ leadId: String(id), digest: digests.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH) }));
}
