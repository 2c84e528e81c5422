import { hash } from "node:crypto";
import { canonicalJson } from "../../lib/canonical-json";
import { type Instant, isoOf } from "../audit";
import type { ConsentRow, LeadRow } from "./lead-columns";

/**
 * What a lead is, committed into the audit chain: every column of its row but the raw payload, and every
 * column of its consent record. The journal event that records a lead carries this digest, under the
 * application's MAC; the verifier and the proof view recompute it from the rows as stored today, so a
 * change to any of them (status, reasons, product fields, dates, identity, the consent's IP or text)
 * shows, and so does a lead deleted, or one inserted without its event.
 */
export type LeadEvidence = LeadColumns & LeadPlace;
/** The lead's own columns, as judged (at intake) or as stored. */
export type LeadColumns = Omit<LeadRow, "payload" | "status" | "reasons" | "fields"> & {
  status: string;
  reasons: unknown;
  fields: unknown;
};
/** Where and when it was stored: the same for every lead of a batch. */
export interface LeadPlace {
  supplierOrgId: string;
  type: string;
  channel: string;
  importId: string | null;
  createdAt: Instant;
}

export type ConsentColumns = Omit<ConsentRow, "leadId" | "collectedAt"> & { collectedAt: Instant };
export type ConsentEvidence = ConsentColumns & { recordedAt: Instant };

const uuid = (v: string | null) => v?.toLowerCase() ?? null;
export const DIGEST_LENGTH = 22;

/**
 * The first 22 characters of the base64url sha256 (132 bits) of a positional JSON array: a fixed layout serialises
 * at native speed (it runs for every lead, in the CSV worker thread too), and nested values (reasons,
 * product fields) in canonical JSON, as PostgreSQL's jsonb gives them back in any key order. 132 bits
 * keep CSV batch events compact and leave a forger 2^132 tries to match one. The lead's columns, its
 * place and its consent come apart (a stored lead passes itself as both), so that intake builds no object
 * per lead to call it: spreading rows into one cost 10 µs a lead in the CSV worker.
 */
export function leadDigest(l: LeadColumns, at: LeadPlace, c: ConsentColumns | null, recordedAt: Instant | null): string {
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
    recordedAt && isoOf(recordedAt),
  ];
  const record = JSON.stringify([
    "lead/1",
    uuid(l.id),
    uuid(at.supplierOrgId),
    l.product,
    at.type,
    l.status,
    canonicalJson(l.reasons),
    at.channel,
    l.externalRef,
    l.firstName,
    l.lastName,
    l.phone,
    l.email,
    l.postalCode,
    l.city,
    l.departement,
    canonicalJson(l.fields),
    uuid(at.importId),
    l.importRow,
    isoOf(at.createdAt),
    consent,
  ]);
  return hash("sha256", record, "base64url").slice(0, DIGEST_LENGTH);
}

/** A journal event of intake, its data already in canonical JSON (the MAC is made where the key is). */
export interface IntakeEvent {
  action: string;
  entityType: string;
  entityId: string;
  data: string;
}

export const LEAD_EVENTS = ["lead.accepted", "lead.rejected"];
export const CSV_BATCH_EVENT = "csv_import.batch";

type JournaledLead = Pick<LeadRow, "id" | "product" | "status" | "reasons" | "importRow">;

/**
 * API and form leads get one event each, with their digest. A CSV import is journaled per batch: one event
 * names every lead of its rows with its fate, where one event per lead tripled the rows written and the
 * chain links to seal (decision 006), and commits to each lead's digest all the same: `digests` holds
 * them end to end, for the accepted leads then the rejected ones, in the order listed.
 */
export function intakeEvents(
  leads: JournaledLead[],
  digests: string[],
  channel: string,
  importId: string | null,
  appointments: ReadonlyMap<string, string> = new Map(),
): IntakeEvent[] {
  if (leads.length === 0) return [];
  const digestOf = new Map(leads.map((l, i) => [l.id, digests[i] as string]));
  const codes = (l: JournaledLead) => l.reasons.map((r) => r.code);
  if (!importId) {
    return leads.map((l) => ({
      action: l.status === "accepted" ? "lead.accepted" : "lead.rejected",
      entityType: "lead",
      entityId: l.id,
      data: canonicalJson({
        // An RDV's request and reinforced consent, by their fingerprint (appointment-fingerprint.ts).
        appointment: appointments.get(l.id),
        channel,
        digest: digestOf.get(l.id),
        product: l.product,
        reasons: l.status === "rejected" ? codes(l) : undefined,
      }),
    }));
  }
  const byRow = [...leads].sort((a, b) => (a.importRow ?? 0) - (b.importRow ?? 0));
  const accepted = byRow.filter((l) => l.status === "accepted");
  const rejected = byRow.filter((l) => l.status === "rejected");
  const data = {
    accepted: accepted.map((l) => l.id),
    appointments: appointments.size > 0 ? Object.fromEntries(appointments) : undefined,
    channel,
    digests: [...accepted, ...rejected].map((l) => digestOf.get(l.id)).join(""),
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
