import { uuidv7 } from "../../platform/db/uuid-v7";
import { productBySlug, validateProductFields } from "../catalogue/rules";
import { checkPostalCode } from "../reference-data";
import { appointmentFingerprint } from "./appointment-fingerprint";
import { type AppointmentRecord, checkAppointment } from "./check-appointment";
import { type ConsentRecord, checkConsent } from "./check-consent";
import { withTextOnly } from "./check-text";
import type { PublishedText } from "./consent-text-cache";
import { consentFingerprint, type FingerprintEvidence } from "./fingerprint";
import { type AppointmentRow, type ConsentRow, type IntakeContext, type LeadRow, type StoreColumns, toStoreColumns } from "./lead-columns";
import { type CheckedContact, checkContact } from "./rules/check-contact";
import type { LeadSubmission } from "./rules/lead-submission";
import { type RejectionReason, reason } from "./rules/rejection";
import type { StoredPayload } from "./stored-payload";

/**
 * The CPU half of intake: each lead judged on its own (fields, contact, consent) and turned into the
 * rows to store. No database here, so that a CSV import runs it in its worker thread.
 */

export interface IngestItem {
  submission: LeadSubmission;
  /**
   * What the supplier sent, kept with the lead: in full when it is rejected (to be fixed and sent again),
   * and when accepted whatever the lead's own columns do not already hold (for a CSV row, the cells of
   * columns the template does not know; for an API body, the body). Built only for the status it gets.
   */
  payload(status: "accepted" | "rejected"): StoredPayload;
  importRow?: number;
  /** Problems found before validation (e.g. an unparseable CSV cell, a value of the wrong type). */
  preReasons?: RejectionReason[];
  /** Why the item cannot be read as a lead at all (not an object, nested too deep): its one reason. */
  unreadable?: RejectionReason;
}

export interface Judged {
  id: string;
  item: IngestItem;
  /** The submission as read: only values the database can hold (withTextOnly). */
  submission: LeadSubmission;
  reasons: RejectionReason[];
  contact: CheckedContact | null;
  consent: ConsentRecord | null;
  /** The checked RDV part of a `type: "rdv"` lead. */
  appointment: AppointmentRecord | null;
  fields: Record<string, unknown>;
}

/** Published consent texts by version (null: unknown or unpublished), for the versions asked. */
export type TextLookup = (versions: string[]) => Promise<Map<string, PublishedText | null>>;

/** Who an accepted lead is, for the duplicate check: the same person twice for one product is one lead. */
export interface DuplicateCandidate {
  product: string;
  phone: string;
  email: string;
}

/** Fields, contact and consent rules, item by item: everything but the duplicate check, and no lock. */
export async function judgeItems(texts: TextLookup, items: IngestItem[], now: Date): Promise<Judged[]> {
  const read = items.map((item) =>
    item.unreadable ? { submission: item.submission, reasons: [item.unreadable] } : withTextOnly(item.submission),
  );
  const versions = new Set(
    read
      .flatMap((r) => [r.submission.consent?.textVersion, r.submission.appointment?.reinforcedConsent?.textVersion])
      .map((v) => v?.trim())
      .filter((v): v is string => !!v),
  );
  const known = await texts([...versions]);
  return items.map((item, i) => judge(item, read[i] as ReturnType<typeof withTextOnly>, known, now));
}

function judge(
  item: IngestItem,
  read: { submission: LeadSubmission; reasons: RejectionReason[] },
  texts: Map<string, PublishedText | null>,
  now: Date,
): Judged {
  const s = read.submission;
  // Time-ordered ids: each batch appends to the end of the primary-key index instead of touching random pages.
  const id = uuidv7();
  if (item.unreadable)
    return { id, item, submission: s, reasons: read.reasons, contact: null, consent: null, appointment: null, fields: {} };
  const reasons: RejectionReason[] = [...(item.preReasons ?? []), ...read.reasons];
  const product = validateProductFields(s.product ?? "", s.fields ?? {}, now);
  const contact = checkContact(s.contact, checkPostalCode);
  const consent = checkConsent(s.consent, texts.get(s.consent?.textVersion?.trim() ?? "") ?? null, now);
  const rdv = s.type === "rdv" ? judgeAppointment(s, contact.contact, texts, now) : { record: null, reasons: [] };
  // A value already found unusable (a CSV cell, a wrong type, not text) is not reported again as missing.
  const seen = new Set(reasons.map((r) => r.field));
  for (const r of [...product.reasons, ...contact.reasons, ...consent.reasons, ...rdv.reasons]) if (!seen.has(r.field)) reasons.push(r);
  return {
    id,
    item,
    submission: s,
    reasons,
    contact: contact.contact,
    consent: consent.record,
    appointment: rdv.record,
    fields: product.values,
  };
}

function judgeAppointment(s: LeadSubmission, contact: CheckedContact | null, texts: Map<string, PublishedText | null>, now: Date) {
  const known = productBySlug(s.product ?? "");
  const offered = known && !known.rdvAvailable ? [reason("rdv_not_available", "type", known.label)] : [];
  const version = s.appointment?.reinforcedConsent?.textVersion?.trim() ?? "";
  const checked = checkAppointment(s.appointment, {
    contact,
    text: texts.get(version) ?? null,
    mainTextVersion: s.consent?.textVersion,
    now,
  });
  return { record: offered.length > 0 ? null : checked.record, reasons: [...offered, ...checked.reasons] };
}

/** The leads accepted so far, the only ones the duplicate check looks at: where they sit in the batch, and who they are. */
export interface DuplicateCandidates {
  index: number[];
  people: DuplicateCandidate[];
}

export function duplicateCandidates(judged: Judged[]): DuplicateCandidates {
  const index = judged.flatMap((j, i) => (j.reasons.length === 0 && j.contact !== null ? [i] : []));
  const people = index.map((i) => {
    const j = judged[i] as Judged;
    return { product: j.submission.product ?? "", phone: j.contact?.phone ?? "", email: j.contact?.email ?? "" };
  });
  return { index, people };
}

/** A lead the duplicate check rejects, by its place in the batch. */
export interface Rejection {
  index: number;
  reasons: RejectionReason[];
}

/** The duplicate check's verdicts (one list of reasons per candidate, in order) as rejections. */
export function rejectionsOf(candidates: DuplicateCandidates, found: RejectionReason[][]): Rejection[] {
  return found.flatMap((reasons, i) => (reasons.length > 0 ? [{ index: candidates.index[i] as number, reasons }] : []));
}

export function applyRejections(judged: Judged[], rejections: Rejection[]) {
  for (const { index, reasons } of rejections) (judged[index] as Judged).reasons.push(...reasons);
}

/** The rows to store, as each lead's verdict has it: an accepted lead stores what was checked, a rejected one what was sent. */
export function storeColumnsOf(judged: Judged[], context: IntakeContext): StoreColumns {
  const rows: LeadRow[] = [];
  const consents: ConsentRow[] = [];
  const appointments: AppointmentRow[] = [];
  for (const j of judged) {
    const s = j.submission;
    const c = j.reasons.length === 0 ? j.contact : null;
    const sent = j.item.payload(c ? "accepted" : "rejected");
    rows.push({
      id: j.id,
      product: s.product ?? "",
      type: s.type === "rdv" ? "rdv" : "lead",
      status: c ? "accepted" : "rejected",
      reasons: j.reasons,
      externalRef: s.externalRef ?? null,
      // A rejected lead keeps what was sent, so the supplier can see and fix it.
      firstName: c?.firstName ?? s.contact?.firstName ?? null,
      lastName: c?.lastName ?? s.contact?.lastName ?? null,
      phone: c?.phone ?? s.contact?.phone ?? null,
      email: c?.email ?? s.contact?.email ?? null,
      postalCode: c?.postalCode ?? s.contact?.postalCode ?? null,
      city: c?.city ?? s.contact?.city ?? null,
      departement: c?.departement ?? null,
      fields: c ? j.fields : ((s.fields ?? {}) as Record<string, unknown>),
      payload: sent.value ?? null,
      payloadRaw: sent.raw,
      importRow: j.item.importRow ?? null,
    });
    if (c && j.consent) {
      const consent = consentRow(j.id, s.product ?? "", c, j.consent);
      consents.push(consent);
      if (j.appointment) appointments.push(appointmentRow(j.id, consent, j.appointment));
    }
  }
  return toStoreColumns(rows, consents, context, appointments);
}

function consentRow(leadId: string, product: string, c: CheckedContact, k: ConsentRecord): ConsentRow {
  const record: FingerprintEvidence = {
    method: k.method,
    prechecked: k.prechecked,
    textVersion: k.text.version,
    textSha256: k.text.sha256,
    collectedAt: k.collectedAt,
    ip: k.ip,
    userAgent: k.userAgent,
    sourceUrl: k.sourceUrl,
    callCenter: k.callCenter,
    agent: k.agent,
    recordingRef: k.recordingRef,
  };
  return { leadId, consentTextId: k.text.id, ...record, fingerprint: consentFingerprint({ leadId, product, ...c }, record) };
}

function appointmentRow(leadId: string, consent: ConsentRow, a: AppointmentRecord): AppointmentRow {
  const row = {
    leadId,
    availabilities: a.availabilities.map((d) => d.toISOString()),
    channel: a.channel,
    confirmation: a.confirmation,
    consentTextId: a.text.id,
    consentTextVersion: a.text.version,
    consentTextSha256: a.text.sha256,
    consentCollectedAt: a.collectedAt.toISOString(),
  };
  return { ...row, fingerprint: appointmentFingerprint(row, consent.fingerprint) };
}
