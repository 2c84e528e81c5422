/**
 * How the client was reached, journaled with each contact (spec 002 §5.3 "identité contactée,
 * date/heure, canal"). Slugs are persisted: keep them stable.
 */
export const CONTACT_CHANNEL_OPTIONS = [
  { value: "phone", label: "Téléphone fixe" },
  { value: "mobile", label: "Mobile" },
  { value: "video", label: "Visio" },
  { value: "in_person", label: "En agence" },
] as const;
export type ContactChannel = (typeof CONTACT_CHANNEL_OPTIONS)[number]["value"];
export const CONTACT_CHANNEL_LABELS = Object.fromEntries(CONTACT_CHANNEL_OPTIONS.map((o) => [o.value, o.label])) as Record<
  ContactChannel,
  string
>;
