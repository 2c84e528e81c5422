/**
 * French intra-EU VAT number: "FR", a two-digit key, the SIREN. The key is (12 + 3 × (SIREN mod 97)) mod 97,
 * so a number that does not belong to the SIREN is caught before it is printed on an invoice.
 */
export function frenchVatNumber(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}

export const normaliseVatNumber = (input: string) => input.replace(/[\s.-]/g, "").toUpperCase();

/** null when valid; otherwise why, in French. Other EU numbers are accepted as typed (two letters, 2–13 characters). */
export function vatNumberProblem(input: string, siren: string | null): string | null {
  const vat = normaliseVatNumber(input);
  if (!/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vat)) return "format attendu : FR suivi de 11 chiffres (ex. FR96552100554)";
  if (!vat.startsWith("FR")) return null;
  if (!/^FR\d{11}$/.test(vat)) return "format attendu : FR suivi de 11 chiffres (ex. FR96552100554)";
  if (siren && vat.slice(4) !== siren) return "ce numéro ne correspond pas au SIREN du cabinet";
  if (vat !== frenchVatNumber(vat.slice(4))) return "clé de contrôle incorrecte";
  return null;
}
