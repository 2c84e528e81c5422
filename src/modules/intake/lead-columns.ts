import { type PgArrayElement, pgArrayLiteral } from "../../platform/db/pg-array";
import { freshnessDeadlinesMemo } from "../market/rules/freshness";
import type { AppointmentEvidence } from "./appointment-fingerprint";
import type { FingerprintEvidence } from "./fingerprint";
import type { LeadContact } from "./lead-contact";
import { type IntakeEvent, intakeEvents, leadDigest } from "./lead-evidence";
import type { RejectionReason } from "./rules/rejection";
import type { LeadChannel } from "./schema";

/** Leads as stored, and the column form in which a batch of them travels to the database. */

export interface LeadRow extends LeadContact {
  id: string;
  product: string;
  type: "lead" | "rdv";
  status: "accepted" | "rejected";
  reasons: RejectionReason[];
  externalRef: string | null;
  departement: string | null;
  fields: Record<string, unknown>;
  payload: unknown;
  /** The exact bytes sent, when `payload` could not hold them as they were (stored-payload.ts). */
  payloadRaw: Buffer | null;
  importRow: number | null;
}

/** A consent record as stored: the fingerprinted evidence, the text it points to, and the fingerprint. */
export interface ConsentRow extends FingerprintEvidence {
  leadId: string;
  consentTextId: string;
  fingerprint: string;
}

/** The RDV part of an accepted `rdv` lead, with its fingerprint (appointment-fingerprint.ts). */
export interface AppointmentRow extends AppointmentEvidence {
  consentTextId: string;
  fingerprint: string;
}

/** Where and when a batch is stored: its rows' own columns, and part of what their digests commit to. */
export interface IntakeContext {
  supplierOrgId: string;
  channel: LeadChannel;
  importId: string | null;
  now: Date;
}

/**
 * A batch ready to store: one PostgreSQL array literal per column (pg's own encoding, done here rather
 * than when the statement is sent), and its journal events with the digest of every lead. Plain strings,
 * so a CSV import builds them in its worker thread and hands them over for almost nothing, and the thread
 * holding the transaction only MACs the events and sends them.
 */
export interface StoreColumns {
  count: number;
  context: IntakeContext;
  leads: Record<keyof LeadRow, string>;
  consents: Record<keyof ConsentRow, string>;
  appointments: Record<keyof AppointmentRow, string>;
  /**
   * The marketplace's freshness deadlines of the batch's accepted leads, one row per département ("" for
   * none): the statement stocks at once the leads that no active order could take (store-leads.ts).
   */
  stockDeadlines: Record<"departement" | "tier24Until" | "tier48Until" | "expiresAt", string>;
  events: IntakeEvent[];
}

// Nulls travel cheaper than "[]" and "null" (no escaping, no parsing): accepted leads send none.
const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

export function toStoreColumns(
  rows: LeadRow[],
  consents: ConsentRow[],
  context: IntakeContext,
  appointments: AppointmentRow[] = [],
): StoreColumns {
  const col = (pick: (r: LeadRow) => PgArrayElement) => pgArrayLiteral(rows.map(pick));
  const kcol = (pick: (c: ConsentRow) => PgArrayElement) => pgArrayLiteral(consents.map(pick));
  const acol = (pick: (a: AppointmentRow) => PgArrayElement) => pgArrayLiteral(appointments.map(pick));
  const appointmentOf = new Map(appointments.map((a) => [a.leadId, a.fingerprint]));
  const consentOf = new Map(consents.map((c) => [c.leadId, c]));
  const createdAt = context.now.toISOString();
  const place = { supplierOrgId: context.supplierOrgId, type: "lead", channel: context.channel, importId: context.importId, createdAt };
  const rdvPlace = { ...place, type: "rdv" };
  const digests = rows.map((r) => leadDigest(r, r.type === "rdv" ? rdvPlace : place, consentOf.get(r.id) ?? null, createdAt));
  const deadlinesOf = freshnessDeadlinesMemo();
  const departements = new Set(rows.flatMap((r) => (r.status === "accepted" ? [r.departement] : [])));
  const deadlines = [...departements].map((d) => [d, deadlinesOf(context.now, d)] as const);
  const dcol = (pick: (d: (typeof deadlines)[number]) => PgArrayElement) => pgArrayLiteral(deadlines.map(pick));
  return {
    count: rows.length,
    context,
    events: intakeEvents(rows, digests, context.channel, context.importId, appointmentOf),
    leads: {
      id: col((r) => r.id),
      product: col((r) => r.product),
      type: col((r) => r.type),
      status: col((r) => r.status),
      reasons: col((r) => (r.reasons.length === 0 ? null : JSON.stringify(r.reasons))),
      externalRef: col((r) => r.externalRef),
      firstName: col((r) => r.firstName),
      lastName: col((r) => r.lastName),
      phone: col((r) => r.phone),
      email: col((r) => r.email),
      postalCode: col((r) => r.postalCode),
      city: col((r) => r.city),
      departement: col((r) => r.departement),
      fields: col((r) => JSON.stringify(r.fields)),
      payload: col((r) => json(r.payload)),
      payloadRaw: col((r) => r.payloadRaw),
      importRow: col((r) => r.importRow),
    },
    consents: {
      leadId: kcol((c) => c.leadId),
      method: kcol((c) => c.method),
      prechecked: kcol((c) => c.prechecked),
      consentTextId: kcol((c) => c.consentTextId),
      textVersion: kcol((c) => c.textVersion),
      textSha256: kcol((c) => c.textSha256),
      collectedAt: kcol((c) => c.collectedAt.toISOString()),
      ip: kcol((c) => c.ip),
      userAgent: kcol((c) => c.userAgent),
      sourceUrl: kcol((c) => c.sourceUrl),
      callCenter: kcol((c) => c.callCenter),
      agent: kcol((c) => c.agent),
      recordingRef: kcol((c) => c.recordingRef),
      fingerprint: kcol((c) => c.fingerprint),
    },
    appointments: {
      leadId: acol((a) => a.leadId),
      // One JSON array per row: PostgreSQL arrays of arrays must be rectangular.
      availabilities: acol((a) => JSON.stringify(a.availabilities)),
      channel: acol((a) => a.channel),
      confirmation: acol((a) => a.confirmation),
      consentTextId: acol((a) => a.consentTextId),
      consentTextVersion: acol((a) => a.consentTextVersion),
      consentTextSha256: acol((a) => a.consentTextSha256),
      consentCollectedAt: acol((a) => a.consentCollectedAt),
      fingerprint: acol((a) => a.fingerprint),
    },
    stockDeadlines: {
      departement: dcol(([departement]) => departement ?? ""),
      tier24Until: dcol(([, d]) => d.tier24Until.toISOString()),
      tier48Until: dcol(([, d]) => d.tier48Until.toISOString()),
      expiresAt: dcol(([, d]) => d.expiresAt.toISOString()),
    },
  };
}
