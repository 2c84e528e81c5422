import { z } from "zod";

// Same pattern as the API's z.email() schemas, so a lead accepted at the edge is never rejected here (or vice versa).
const EMAIL_PATTERN = z.regexes.email;
// RFC 5321 limits: longer addresses are undeliverable even when the pattern matches.
const MAX_LENGTH = 254;
const MAX_LOCAL_PART = 64;

export function normalizeEmail(s: string): string {
  return s.trim().toLowerCase();
}

/** Pragmatic syntax check on the normalized form (surrounding blanks and case are tolerated). */
export function isValidEmail(s: string): boolean {
  if (typeof s !== "string") return false;
  const email = normalizeEmail(s);
  if (email.length > MAX_LENGTH || email.indexOf("@") > MAX_LOCAL_PART) return false;
  return EMAIL_PATTERN.test(email);
}
