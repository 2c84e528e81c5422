import { withoutUndefined } from "../../../lib/without-undefined";
import { MAX_AVAILABILITIES } from "../../../modules/appointments/rules/slots";
import {
  type FieldDefinition,
  isFieldRequired,
  parseFieldText,
  parseHumanDateTime,
  productBySlug,
  validateProductFields,
} from "../../../modules/catalogue/rules";
import { checkContact, type PostalCheck } from "../../../modules/intake/rules/check-contact";
import type { LeadSubmission } from "../../../modules/intake/rules/lead-submission";
import { type RejectionCode, reason } from "../../../modules/intake/rules/rejection";
import { isHttpUrl } from "../../../modules/reference-data/rules/url";
import type { ConsentMethod, ConsentState, FieldErrors, LeadFormState } from "./form-state";

const EXPECTED: Partial<Record<FieldDefinition["type"], string>> = {
  integer: "nombre entier attendu",
  decimal: "nombre attendu (ex. 0,85)",
  amount: "montant en euros attendu (ex. 250 000)",
  date: "date attendue",
  departements: "codes de départements attendus (ex. 13, 83, 2A)",
};

/** Typed values of the product fields, and the cells that could not be read. */
export function typedFields(slug: string, raw: Record<string, string>): { values: Record<string, unknown>; errors: FieldErrors } {
  const product = productBySlug(slug);
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of product?.fields ?? []) {
    const parsed = parseFieldText(field, raw[field.key] ?? "");
    const path = `fields.${field.key}`;
    if (!parsed.ok) {
      const detail = EXPECTED[field.type] ? `${field.label} — ${EXPECTED[field.type]}` : field.label;
      errors[path] = reason(parsed.code ?? "field_invalid", path, detail).message;
    } else if (parsed.value !== undefined) {
      values[field.key] = parsed.value;
    }
  }
  return { values, errors };
}

/** A field asked only under a condition ("ancienneté" if the company exists) is hidden otherwise. */
export function isFieldVisible(field: FieldDefinition, values: Record<string, unknown>): boolean {
  return !field.requiredWhen || isFieldRequired(field, values);
}

const trimmed = (s: string) => s.trim() || undefined;

const CONSENT_REQUIRED: Record<ConsentMethod, readonly [keyof ConsentState, RejectionCode][]> = {
  checkbox: [
    ["ip", "consent_ip_missing"],
    ["userAgent", "consent_user_agent_missing"],
    ["sourceUrl", "consent_source_url_missing"],
  ],
  oral: [
    ["callCenter", "consent_call_center_missing"],
    ["agent", "consent_agent_missing"],
    ["recordingRef", "consent_recording_missing"],
  ],
};

/**
 * The lead as the API expects it, after every check the browser can make with the server's own code: the
 * catalogue for the product fields, the contact rules (phone, e-mail, postal code and commune, with the
 * postal code's entry fetched from the API), the consent's required values. Every field at fault is named
 * at once, and a lead with a mistake the browser can see is never sent, so it never counts as rejected.
 * What only the server knows (public IP, text in force, duplicates, opposition list) it still judges.
 */
export function buildSubmission(
  state: LeadFormState,
  textVersion: string | undefined,
  checkPostalCode: PostalCheck,
  rdvTextVersion?: string,
): { submission: LeadSubmission | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!state.product) errors.product = "Choisissez un produit";
  const c = state.contact;
  const contact = withoutUndefined({
    firstName: trimmed(c.firstName),
    lastName: trimmed(c.lastName),
    phone: trimmed(c.phone),
    email: trimmed(c.email),
    postalCode: trimmed(c.postalCode),
    city: trimmed(c.city),
  });
  for (const r of checkContact(contact, checkPostalCode).reasons) errors[r.field] ??= r.message;

  const parsed = typedFields(state.product, state.fields);
  const product = productBySlug(state.product);
  const shown = (key: string) => {
    const def = product?.fields.find((f) => f.key === key);
    return def ? isFieldVisible(def, parsed.values) : true;
  };
  // What was typed in a field that is now hidden is neither sent nor reproached.
  const visible = Object.fromEntries(Object.entries(parsed.values).filter(([key]) => shown(key)));
  if (product) {
    for (const [path, message] of Object.entries(parsed.errors)) if (shown(path.slice("fields.".length))) errors[path] = message;
    for (const r of validateProductFields(state.product, visible, new Date()).reasons) errors[r.field] ??= r.message;
  }

  const { consent } = state;
  if (consent.method === "checkbox" && !consent.confirmed) {
    errors["consent.prechecked"] = "Confirmez que le prospect a coché lui-même la case (non pré-cochée) avant d'envoyer le lead.";
  }
  for (const [key, code] of CONSENT_REQUIRED[consent.method]) {
    if (!String(consent[key]).trim()) errors[`consent.${key}`] = reason(code, `consent.${key}`).message;
  }
  if (consent.method === "checkbox" && consent.sourceUrl.trim() && !isHttpUrl(consent.sourceUrl.trim())) {
    errors["consent.sourceUrl"] = reason(
      "consent_source_url_missing",
      "consent.sourceUrl",
      "adresse complète attendue (https://…)",
    ).message;
  }
  const collectedAt = consent.collectedAt ? parseHumanDateTime(consent.collectedAt) : undefined;
  if (!consent.collectedAt) errors["consent.collectedAt"] = "Indiquez la date et l'heure du recueil du consentement.";
  else if (!collectedAt) errors["consent.collectedAt"] = "Date et heure invalides.";

  const rdv = state.rdv.enabled && product?.rdvAvailable ? state.rdv : null;
  if (rdv) {
    if (rdv.slots.length === 0)
      errors["appointment.availabilities"] = reason("rdv_availabilities_missing", "appointment.availabilities").message;
    if (rdv.slots.length > MAX_AVAILABILITIES)
      errors["appointment.availabilities"] = reason("rdv_too_many_availabilities", "appointment.availabilities").message;
    if (!rdv.channel) errors["appointment.channel"] = reason("rdv_channel_invalid", "appointment.channel").message;
    if (!rdv.confirmation) errors["appointment.confirmation"] = reason("rdv_confirmation_invalid", "appointment.confirmation").message;
    if (!rdv.consentConfirmed || !rdvTextVersion)
      errors["appointment.reinforcedConsent.accepted"] = reason("rdv_consent_missing", "appointment.reinforcedConsent.accepted").message;
  }

  if (Object.keys(errors).length > 0) return { submission: null, errors };

  const submission: LeadSubmission = {
    product: state.product,
    type: rdv ? "rdv" : "lead",
    ...(rdv
      ? {
          appointment: {
            availabilities: rdv.slots,
            channel: rdv.channel,
            confirmation: rdv.confirmation,
            // Collected with the main consent, in the same call or on the same page.
            reinforcedConsent: { accepted: true, textVersion: rdvTextVersion, collectedAt },
          },
        }
      : {}),
    contact,
    fields: visible,
    consent:
      consent.method === "checkbox"
        ? withoutUndefined({
            method: "checkbox",
            prechecked: false,
            textVersion,
            collectedAt,
            ip: trimmed(consent.ip),
            userAgent: trimmed(consent.userAgent),
            sourceUrl: trimmed(consent.sourceUrl),
          })
        : withoutUndefined({
            method: "oral",
            textVersion,
            collectedAt,
            callCenter: trimmed(consent.callCenter),
            agent: trimmed(consent.agent),
            recordingRef: trimmed(consent.recordingRef),
          }),
    ...(state.externalRef.trim() ? { externalRef: state.externalRef.trim() } : {}),
  };
  return { submission, errors };
}
