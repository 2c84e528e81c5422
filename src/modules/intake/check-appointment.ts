import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { MAX_AVAILABILITIES, readSlot, type SlotProblem, slotProblem } from "../appointments/rules/slots";
import { holidayRegionOf } from "../market/rules/business-days";
import type { PublishedText } from "./consent-text-cache";
import type { CheckedContact } from "./rules/check-contact";
import type { AppointmentInput } from "./rules/lead-submission";
import { type RejectionCode, type RejectionReason, reason } from "./rules/rejection";

export const APPOINTMENT_CHANNELS = ["telephone", "visio"] as const;
export const CONFIRMATION_MODES = ["sms", "email"] as const;

/** The RDV part of an accepted lead, as checked: what lead_appointments stores. */
export interface AppointmentRecord {
  availabilities: Date[];
  channel: (typeof APPOINTMENT_CHANNELS)[number];
  confirmation: (typeof CONFIRMATION_MODES)[number];
  text: PublishedText;
  collectedAt: Date;
}

const SLOT_CODES: Record<SlotProblem, RejectionCode> = {
  unreadable: "rdv_availability_invalid",
  past: "rdv_availability_past",
  outside_hours: "rdv_availability_outside_hours",
  too_far: "rdv_availability_too_far",
};

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const isMobile = (e164: string) => parsePhoneNumberFromString(e164)?.getType() === "MOBILE";

/**
 * The extra rules of a qualified appointment (spec §5): availabilities, channel, confirmation mode and a
 * reinforced consent on its own published text. All reasons, not the first. `contact` is the checked
 * contact when it passed (the confirmation mode needs its mobile or e-mail), the region of its
 * département deciding the public holidays. The slots keep the prospect's order: the first is the preferred one.
 */
export function checkAppointment(
  input: AppointmentInput | undefined,
  ctx: { contact: CheckedContact | null; text: PublishedText | null; mainTextVersion: string | undefined; now: Date },
): { record: AppointmentRecord | null; reasons: RejectionReason[] } {
  const a = input ?? {};
  const reasons: RejectionReason[] = [];
  const region = holidayRegionOf(ctx.contact?.departement);
  const sent = a.availabilities ?? [];
  const slots: Date[] = [];
  if (sent.length === 0) reasons.push(reason("rdv_availabilities_missing", "appointment.availabilities"));
  else if (sent.length > MAX_AVAILABILITIES)
    reasons.push(reason("rdv_too_many_availabilities", "appointment.availabilities", `${sent.length} envoyés`));
  sent.slice(0, MAX_AVAILABILITIES).forEach((raw, i) => {
    const slot = readSlot(raw);
    const problem = slot ? slotProblem(slot, ctx.now, region) : "unreadable";
    if (problem) reasons.push(reason(SLOT_CODES[problem], `appointment.availabilities.${i}`, raw));
    else if (slot && !slots.some((s) => s.getTime() === slot.getTime())) slots.push(slot);
  });

  const channel = APPOINTMENT_CHANNELS.find((c) => c === a.channel?.trim().toLowerCase());
  if (!channel) reasons.push(reason("rdv_channel_invalid", "appointment.channel", a.channel || undefined));
  const confirmation = CONFIRMATION_MODES.find((c) => c === a.confirmation?.trim().toLowerCase());
  if (!confirmation) reasons.push(reason("rdv_confirmation_invalid", "appointment.confirmation", a.confirmation || undefined));
  if (confirmation === "sms" && ctx.contact && !isMobile(ctx.contact.phone))
    reasons.push(reason("rdv_confirmation_needs_mobile", "appointment.confirmation"));
  if (confirmation === "email" && ctx.contact && !ctx.contact.email) reasons.push(reason("rdv_confirmation_needs_email", "contact.email"));

  const k = a.reinforcedConsent;
  const version = k?.textVersion?.trim();
  const collectedAt = k?.collectedAt ? new Date(k.collectedAt) : null;
  if (!k) reasons.push(reason("rdv_consent_missing", "appointment.reinforcedConsent"));
  else {
    if (k.accepted !== true) reasons.push(reason("rdv_consent_missing", "appointment.reinforcedConsent.accepted"));
    if (!ctx.text) reasons.push(reason("rdv_consent_text_unknown", "appointment.reinforcedConsent.textVersion", version || undefined));
    else if (version === ctx.mainTextVersion?.trim())
      reasons.push(reason("rdv_consent_same_text", "appointment.reinforcedConsent.textVersion"));
    if (!collectedAt || Number.isNaN(collectedAt.getTime())) {
      reasons.push(reason("rdv_consent_missing", "appointment.reinforcedConsent.collectedAt", "horodatage ISO 8601 attendu"));
    } else {
      if (collectedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS)
        reasons.push(reason("rdv_consent_in_future", "appointment.reinforcedConsent.collectedAt"));
      if (ctx.text && collectedAt < ctx.text.publishedAt)
        reasons.push(reason("rdv_consent_before_text", "appointment.reinforcedConsent.collectedAt"));
    }
  }
  if (reasons.length > 0 || !channel || !confirmation || !ctx.text || !collectedAt) return { record: null, reasons };
  return { record: { availabilities: slots, channel, confirmation, text: ctx.text, collectedAt }, reasons };
}
