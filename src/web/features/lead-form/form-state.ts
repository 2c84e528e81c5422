export type ConsentMethod = "checkbox" | "oral";

export interface ContactState {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  postalCode: string;
  city: string;
}

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

export interface LeadFormState {
  product: string;
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
  return { product, contact: { ...EMPTY_CONTACT }, fields: {}, consent: { ...EMPTY_CONSENT }, externalRef: "" };
}

/** Errors by the server's path convention: "contact.phone", "fields.montantProjet", "consent.ip". */
export type FieldErrors = Record<string, string>;
