/**
 * Returns ("contestations") of a bought lead, as the trade practises them (7–10 days, wrong numbers,
 * duplicates within 30 days, out of target; return rates capped at 10–20 % per buyer). Our terms:
 * - 7 calendar days from the purchase;
 * - "injoignable" only after 4 unanswered calls recorded on the lead: décret 2022-1313 allows at most 4
 *   calls in 30 days to a prospect who did not expressly consent, so 4 is what a broker can reasonably try;
 * - "RDV non honoré" only for an RDV;
 * - a brokerage may have at most 15 % of its last 30 days' purchases returned (pending or accepted), with a
 *   floor of 3, so a new buyer's first bad leads can always be returned.
 * Shared by the server and the web app.
 */
export const RETURN_REASONS = ["faux_numero", "doublon", "hors_cible", "consentement_conteste", "injoignable", "rdv_non_honore"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  faux_numero: "Faux numéro (numéro inexistant ou d'une autre personne)",
  doublon: "Doublon : le même prospect reçu il y a moins de 30 jours",
  hors_cible: "Hors cible (le prospect ne correspond pas au produit ou à la zone)",
  consentement_conteste: "Consentement contesté par le prospect",
  injoignable: "Injoignable après 4 appels",
  rdv_non_honore: "RDV non honoré par le prospect",
};

export const RETURN_STATUSES = ["pending", "accepted", "refused"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = { pending: "En attente", accepted: "Acceptée", refused: "Refusée" };

export const RETURN_WINDOW_DAYS = 7;
export const UNREACHABLE_AFTER_CALLS = 4;
export const RETURN_RATE_CAP = 0.15;
export const RETURN_FLOOR = 3;
export const RATE_WINDOW_DAYS = 30;

/** How many returns a brokerage may have open or accepted, given its purchases of the last 30 days. */
export const returnAllowance = (purchases: number) => Math.max(RETURN_FLOOR, Math.floor(purchases * RETURN_RATE_CAP));

/** The last instant a lead bought at `soldAt` may be returned. */
export const returnDeadline = (soldAt: Date) => new Date(soldAt.getTime() + RETURN_WINDOW_DAYS * 24 * 60 * 60 * 1000);
