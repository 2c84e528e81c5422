import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The prospect's withdrawal link carries the lead id and a MAC of it under the app's secret: nothing to
 * store, nothing to guess, and it names no one.
 */
const mac = (secret: string, leadId: string) =>
  createHmac("sha256", secret).update(`rdv-withdrawal:${leadId}`).digest("base64url").slice(0, 32);

export const withdrawalToken = (secret: string, leadId: string) => `${leadId}.${mac(secret, leadId)}`;

/** The lead id the token is for, or null when it was not made by this app. */
export function readWithdrawalToken(secret: string, token: string): string | null {
  const [leadId, sig] = token.split(".");
  if (!leadId || !sig || !/^[0-9a-f-]{36}$/i.test(leadId)) return null;
  const expected = Buffer.from(mac(secret, leadId));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? leadId : null;
}
