/** FA-2026-000123: the year's prefix and a six-digit sequence, one series per calendar year. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  return `FA-${year}-${String(sequence).padStart(6, "0")}`;
}

/** The invoice's year in Paris time: an invoice issued on 31 December at 23:30 UTC+1 belongs to that year. */
export function invoiceYear(issuedAt: Date): number {
  return Number(new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric" }).format(issuedAt));
}
