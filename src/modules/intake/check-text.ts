import { inspectJson, isStorableText, NOT_STORABLE } from "../../lib/json-text";
import type { LeadSubmission } from "./rules/lead-submission";
import { type RejectionReason, reason } from "./rules/rejection";

const storable = (v: unknown) => inspectJson(v).notStorable === null;

/**
 * Known values the database cannot hold (see json-text.ts) are unusable whatever the channel: each is a
 * `field_invalid` reason and is left out of the reading, like a value of the wrong type. The payload
 * keeps it as sent. Returns the submission itself when every value is storable, as nearly always.
 */
export function withTextOnly(s: LeadSubmission): { submission: LeadSubmission; reasons: RejectionReason[] } {
  const reasons: RejectionReason[] = [];
  if (inspectJson(s).notStorable === null) return { submission: s, reasons };
  const keep = (ok: boolean, field: string) => {
    if (!ok) reasons.push(reason("field_invalid", field, NOT_STORABLE));
    return ok;
  };
  const group = <T extends object>(g: T | undefined, prefix: string): T | undefined => {
    if (!g) return g;
    const entries = Object.entries(g);
    const kept = entries.filter(([k, v]) => keep(isStorableText(k) && storable(v), `${prefix}.${k}`));
    return kept.length === entries.length ? g : (Object.fromEntries(kept) as T);
  };
  const single = (v: string | undefined, field: string) => (v === undefined || keep(storable(v), field) ? v : undefined);
  const product = single(s.product, "product");
  const externalRef = single(s.externalRef, "externalRef");
  const contact = group(s.contact, "contact");
  const consent = group(s.consent, "consent");
  const fields = group(s.fields, "fields");
  // The RDV part is checked as a whole: a value the database cannot hold anywhere in it voids it.
  const appointment = s.appointment === undefined || keep(storable(s.appointment), "appointment") ? s.appointment : undefined;
  return { submission: { ...s, product, externalRef, contact, consent, fields, appointment }, reasons };
}
