/** The Luhn checksum of French SIREN and SIRET numbers (and cards): the digits' weighted sum. */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

export const isLuhnValid = (digits: string): boolean => luhnSum(digits) % 10 === 0;

/** Appends the digit that makes the whole Luhn-valid. */
export function withLuhnKey(digits: string): string {
  for (let k = 0; k <= 9; k++) if (isLuhnValid(`${digits}${k}`)) return `${digits}${k}`;
  throw new Error("unreachable: one key in ten always fits");
}
