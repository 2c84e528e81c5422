import type { CheckedContact } from "../../../modules/intake/rules/check-contact";

export type ConsentMethod = "checkbox" | "oral";

/** The contact's fields as the form holds them: the ones the server checks, each a string typed by the operator. */
export type ContactState = Omit<CheckedContact, "departement">;

export interface ConsentState {
  method: ConsentMethod;
  /** The operator's confirmation that the prospect ticked the (unticked) box himself. */
  confirmed: boolean;
  /** datetime-local value, Paris time. */
  collectedAt: string;
  ip: string;
  userAgent: string;
  sourceUrl: string;
  callCenter: string;
  agent: string;
  recordingRef: string;
}

/** The RDV part, for a product the catalogue offers as RDV. */
export interface RdvState {
  enabled: boolean;
  /** Chosen slot starts (UTC ISO), in the order chosen. */
  slots: string[];
  channel: "" | "telephone" | "visio";
  confirmation: "" | "sms" | "email";
  /** The operator's confirmation that the prospect accepted the reinforced consent text. */
  consentConfirmed: boolean;
}

export const EMPTY_RDV: RdvState = { enabled: false, slots: [], channel: "", confirmation: "", consentConfirmed: false };

export interface LeadFormState {
  product: string;
  rdv: RdvState;
  contact: ContactState;
  /** Raw text of each product field as typed or chosen ("oui"/"non" for booleans). */
  fields: Record<string, string>;
  consent: ConsentState;
  externalRef: string;
}

export const EMPTY_CONTACT: ContactState = { firstName: "", lastName: "", phone: "", email: "", postalCode: "", city: "" };

// Nothing is prefilled: every value of a consent proof must come from the actual collection.
export const EMPTY_CONSENT: ConsentState = {
  method: "checkbox",
  confirmed: false,
  collectedAt: "",
  ip: "",
  userAgent: "",
  sourceUrl: "",
  callCenter: "",
  agent: "",
  recordingRef: "",
};

export function emptyForm(product = ""): LeadFormState {
  return { product, rdv: { ...EMPTY_RDV }, contact: { ...EMPTY_CONTACT }, fields: {}, consent: { ...EMPTY_CONSENT }, externalRef: "" };
}

/** Errors by the server's path convention: "contact.phone", "fields.montantProjet", "consent.ip". */
export type FieldErrors = Record<string, string>;
