import { formatCents as euros } from "../../ui/format";

export { euros };

/** A ledger amount with its sign: "+530,00 €", "−25,00 €". */
export function signedEuros(cents: number): string {
  return `${cents > 0 ? "+" : "−"}${euros(Math.abs(cents))}`;
}
