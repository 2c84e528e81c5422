/** Cents → "1 234,50 €", always with the cents (money amounts on this screen are exact). */
export function euros(cents: number): string {
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A ledger amount with its sign: "+530,00 €", "−25,00 €". */
export function signedEuros(cents: number): string {
  return `${cents > 0 ? "+" : "−"}${euros(Math.abs(cents))}`;
}
