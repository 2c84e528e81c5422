/** French standard VAT rate, in basis points (20 %). */
export const STANDARD_VAT_BASIS_POINTS = 2_000;

/** VAT on an amount excluding tax, rounded half up to the cent; TTC = HT + VAT exactly. */
export function vatOn(htCents: number, basisPoints = STANDARD_VAT_BASIS_POINTS) {
  const vatCents = Math.round((htCents * basisPoints) / 10_000);
  return { htCents, vatCents, ttcCents: htCents + vatCents };
}
