/** French display formats. Instants are shown in Paris time whatever the browser's zone, as in the proofs. */

import { formatDateTimeFr, formatDateTimeSecondsFr, formatLongDateFr, formatNumberFr, formatShortDateFr } from "../../lib/french-format";
import { parisDateTimeForInput } from "../../modules/catalogue/rules/dates";

const PARIS = "Europe/Paris";

type Instant = string | Date | null | undefined;

function toDate(value: Instant): Date | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(value: Instant, fallback = "—"): string {
  const d = toDate(value);
  return d ? formatDateTimeFr(d) : fallback;
}

/** With seconds and the zone spelled out: a consent timestamp is evidence. */
export function formatTimestamp(value: Instant, fallback = "—"): string {
  const d = toDate(value);
  return d ? `${formatParisSeconds(d)} (heure de Paris)` : fallback;
}

/** With seconds, no zone suffix: for places that state the zone once for several values. */
export function formatParisSeconds(value: Instant, fallback = "—"): string {
  const d = toDate(value);
  return d ? formatDateTimeSecondsFr(d) : fallback;
}

export function formatDate(value: Instant, fallback = "—"): string {
  const d = toDate(value);
  return d ? formatShortDateFr(d) : fallback;
}

export function formatLongDate(value: Instant, fallback = "—"): string {
  const d = toDate(value);
  return d ? formatLongDateFr(d) : fallback;
}

/** "2026-11-21" (a calendar day, no zone) → "21/11/2026". */
export function formatIsoDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function formatNumber(n: number): string {
  return formatNumberFr(n);
}

export function formatEuros(n: number): string {
  return new Intl.NumberFormat("fr-FR", {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: Number.isInteger(n) ? 0 : 2,
    minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
  }).format(n);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} o`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Ko`;
  return `${(n / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

export function pluralize(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n > 1 ? many : one}`;
}

/** Today's calendar day in Paris, "yyyy-mm-dd", shifted by a number of days. */
export function parisDay(offsetDays = 0, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const [y, m, d] = parts.split("-").map(Number);
  const shifted = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + offsetDays));
  return shifted.toISOString().slice(0, 10);
}

/** The current Paris wall-clock time in the format of <input type="datetime-local"> ("2026-11-21T10:15"). */
export const parisNowForInput = (now = new Date()): string => parisDateTimeForInput(now);

/**
 * "+33612345678" (as stored) → "06 12 34 56 78", the way French users read a number, with no-break spaces:
 * a number never wraps in the middle. Other numbers as they are.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  const m = /^\+33(\d{9})$/.exec(phone);
  if (!m?.[1]) return phone;
  return `0${m[1]}`.replace(/(\d{2})(?=\d)/g, "$1\u00a0");
}

/** Cents → "1 234,50 €", always with the cents: money amounts (prices, credits, invoices) are exact. */
export function formatCents(cents: number): string {
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
}
