import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * What the server signs into the form it serves: which product and supplier, which consent texts were
 * shown, and when it was served. A post must bring it back: the texts the prospect accepted are the ones
 * the server showed (not a hidden field a page could change), and a form filled faster than a human can
 * (MIN_FILL_MS) or older than MAX_AGE_MS is refused. Its nonce makes it good for one post (admitFormPost, throttle.ts).
 */
export interface FormTicket {
  product: string;
  code: string;
  rdv: boolean;
  textVersion: string;
  rdvTextVersion: string | null;
  issuedAt: number;
  nonce: string;
}

export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 2 * 3_600_000;

const sign = (secret: string, body: string) => createHmac("sha256", secret).update(`hosted-form:${body}`).digest("base64url");

export function issueFormToken(secret: string, t: Omit<FormTicket, "nonce">): string {
  const body = Buffer.from(JSON.stringify({ ...t, nonce: randomBytes(16).toString("base64url") })).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

export type TicketCheck = { ok: true; ticket: FormTicket } | { ok: false; why: "invalid" | "too_fast" | "expired" | "spent" };

export function checkFormToken(secret: string, token: string, expect: { product: string; code: string }, now: Date): TicketCheck {
  const [body, mac] = token.split(".");
  if (!body || !mac) return { ok: false, why: "invalid" };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: "invalid" };
  let t: FormTicket;
  try {
    t = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as FormTicket;
  } catch {
    return { ok: false, why: "invalid" };
  }
  // A token issued before nonces existed has none: the page comes back with one that has.
  if (t.product !== expect.product || t.code !== expect.code || typeof t.nonce !== "string") return { ok: false, why: "invalid" };
  const age = now.getTime() - t.issuedAt;
  if (age < MIN_FILL_MS) return { ok: false, why: "too_fast" };
  if (age > MAX_AGE_MS) return { ok: false, why: "expired" };
  return { ok: true, ticket: t };
}
