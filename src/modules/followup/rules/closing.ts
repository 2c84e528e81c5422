/**
 * The four "victory" criteria of spec 003: an M+3 is won even without a signature when they hold.
 * Closing requires each to be answered (oui / non), not to be met: a client who refuses the vCard
 * must not make the follow-up impossible to close, but the "non" stays on record for the stats.
 */

export const CLOSING_CRITERIA = [
  { key: "dedicated_contact_known", label: "Le client sait qu'il a un interlocuteur dédié" },
  { key: "contact_card_sent", label: "Carte de contact envoyée (vCard par e-mail ou SMS)" },
  { key: "record_fully_qualified", label: "Fiche client 100 % qualifiée" },
  { key: "risk_zones_aware", label: "Le client a pris conscience de ses zones de risque" },
] as const;

export type ClosingCriterionKey = (typeof CLOSING_CRITERIA)[number]["key"];

export const CLOSING_CRITERIA_LABELS = Object.fromEntries(CLOSING_CRITERIA.map((c) => [c.key, c.label])) as Record<
  ClosingCriterionKey,
  string
>;

export const CONTACT_CARD_CHANNELS = [
  { value: "email", label: "E-mail" },
  { value: "sms", label: "SMS" },
] as const;
export type ContactCardChannel = (typeof CONTACT_CARD_CHANNELS)[number]["value"];

/** undefined / null = not answered yet. */
export interface ClosingCriteriaRecord {
  dedicatedContactKnown?: boolean | null;
  contactCardSent?: boolean | null;
  /** Required when contactCardSent is true: the vCard went out by e-mail or SMS. */
  contactCardChannel?: ContactCardChannel | null;
  recordFullyQualified?: boolean | null;
  riskZonesAware?: boolean | null;
}

function answered(value: boolean | null | undefined): value is boolean {
  return value === true || value === false;
}

/** Criteria not answered yet (or "vCard sent" without its channel), in display order. */
export function closingCriteriaMissing(record: ClosingCriteriaRecord | null | undefined): ClosingCriterionKey[] {
  const r = record ?? {};
  const missing: ClosingCriterionKey[] = [];
  if (!answered(r.dedicatedContactKnown)) missing.push("dedicated_contact_known");
  if (!answered(r.contactCardSent) || (r.contactCardSent && !r.contactCardChannel)) missing.push("contact_card_sent");
  if (!answered(r.recordFullyQualified)) missing.push("record_fully_qualified");
  if (!answered(r.riskZonesAware)) missing.push("risk_zones_aware");
  return missing;
}

/** Criteria answered "non": what to work on at the next contact. */
export function closingCriteriaUnmet(record: ClosingCriteriaRecord | null | undefined): ClosingCriterionKey[] {
  const r = record ?? {};
  const unmet: ClosingCriterionKey[] = [];
  if (r.dedicatedContactKnown === false) unmet.push("dedicated_contact_known");
  if (r.contactCardSent === false) unmet.push("contact_card_sent");
  if (r.recordFullyQualified === false) unmet.push("record_fully_qualified");
  if (r.riskZonesAware === false) unmet.push("risk_zones_aware");
  return unmet;
}

export function isVictory(record: ClosingCriteriaRecord | null | undefined): boolean {
  return closingCriteriaMissing(record).length === 0 && closingCriteriaUnmet(record).length === 0;
}
