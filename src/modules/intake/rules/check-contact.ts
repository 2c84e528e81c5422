import type { PostalCodeCheck } from "../../reference-data/rules/communes";
import { isValidEmail, normalizeEmail } from "../../reference-data/rules/email";
import { normalizeFrenchPhone } from "../../reference-data/rules/phone";
import type { ContactInput } from "./lead-submission";
import { type RejectionReason, reason } from "./rejection";

export interface CheckedContact {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  postalCode: string;
  city: string;
  departement: string;
}

/** Postal code + city → commune: the server's full index (checkPostalCode), or the browser's fetched entry. */
export type PostalCheck = (postalCode: string, city: string) => PostalCodeCheck;

/**
 * Contact rules of spec §3.1: all present, phone and e-mail valid, postal code real and matching the city.
 * No server-only code here: the lead form runs these very rules in the browser before sending.
 */
export function checkContact(
  contact: ContactInput | undefined,
  checkPostalCode: PostalCheck,
): { contact: CheckedContact | null; reasons: RejectionReason[] } {
  const c = contact ?? {};
  const reasons: RejectionReason[] = [];
  const required = ["firstName", "lastName", "phone", "email", "postalCode", "city"] as const;
  for (const key of required) if (!c[key]?.trim()) reasons.push(reason("contact_missing", `contact.${key}`));

  let phone: string | null = null;
  if (c.phone?.trim()) {
    const p = normalizeFrenchPhone(c.phone);
    if (p.ok) phone = p.e164;
    else reasons.push(reason("phone_invalid", "contact.phone", c.phone));
  }
  let email: string | null = null;
  if (c.email?.trim()) {
    if (isValidEmail(c.email)) email = normalizeEmail(c.email);
    else reasons.push(reason("email_invalid", "contact.email", c.email));
  }
  let place: { postalCode: string; city: string; departement: string } | null = null;
  if (c.postalCode?.trim() && c.city?.trim()) {
    const checked = checkPostalCode(c.postalCode, c.city);
    if (checked.ok) place = checked;
    else if (checked.code === "city_postal_code_mismatch") reasons.push(reason(checked.code, "contact.city"));
    else reasons.push(reason(checked.code, "contact.postalCode", c.postalCode.trim()));
  }
  if (reasons.length > 0 || !phone || !email || !place) return { contact: null, reasons };
  return {
    contact: {
      firstName: (c.firstName ?? "").trim(),
      lastName: (c.lastName ?? "").trim(),
      phone,
      email,
      postalCode: place.postalCode,
      city: place.city,
      departement: place.departement,
    },
    reasons,
  };
}
