/**
 * French intra-community VAT number: "FR" + a 2-digit key + the SIREN, the key being
 * (12 + 3 × (SIREN mod 97)) mod 97. (Some recent numbers have letter keys; a brokerage's is numeric.)
 */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, "0");
}

export const frenchVatNumber = (siren: string) => `FR${frenchVatKey(siren)}${siren}`;

/** "fr 40 303265045" → "FR40303265045". */
export const normalizeVatNumber = (s: string) => s.replace(/[\s.-]+/g, "").toUpperCase();

export type VatCheck = { ok: true; value: string } | { ok: false; message: string };

/** Checks the format, the key, and that the number is the one of the given SIREN. */
export function checkFrenchVatNumber(raw: string, siren: string | null): VatCheck {
  const value = normalizeVatNumber(raw);
  const match = /^FR(\d{2})(\d{9})$/.exec(value);
  if (!match)
    return { ok: false, message: "Numéro de TVA invalide : FR, puis 2 chiffres de clé et les 9 chiffres du SIREN (ex. FR40303265045)" };
  const [, key, vatSiren] = match as unknown as [string, string, string];
  if (frenchVatKey(vatSiren) !== key)
    return { ok: false, message: "Numéro de TVA invalide : la clé ne correspond pas au SIREN qu'il contient" };
  if (siren !== null && vatSiren !== siren) return { ok: false, message: "Le numéro de TVA ne correspond pas au SIREN de la société" };
  return { ok: true, value };
}

/**
 * For an invoice's buyer: null when valid, otherwise why, in French. A French number must carry its
 * SIREN's key (and be the given SIREN's); other EU numbers are accepted as typed (two letters, 2–13 characters).
 */
export function vatNumberProblem(input: string, siren: string | null): string | null {
  const vat = normalizeVatNumber(input);
  if (!/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vat)) return "format attendu : FR suivi de 11 chiffres (ex. FR96552100554)";
  if (!vat.startsWith("FR")) return null;
  const check = checkFrenchVatNumber(vat, siren);
  return check.ok ? null : check.message.replace(/^Numéro de TVA invalide : /, "");
}
