/** "mercredi 2 décembre 2026 à 10:00", Paris time: how a French prospect and broker read a slot. */
const FULL = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "full", timeStyle: "short" });
const SHORT = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });

export const formatSlot = (d: Date) => FULL.format(d);
/** "02/12/2026 10:00" (SMS). */
export const formatSlotShort = (d: Date) => SHORT.format(d).replace(",", "");

export const CHANNEL_LABELS = { telephone: "par téléphone", visio: "en visio" } as const;
export const STATUS_LABELS = {
  requested: "Demandé",
  confirmed: "Confirmé",
  withdrawn: "Annulé par le prospect",
  honored: "Honoré",
  no_show: "Non honoré",
} as const;
