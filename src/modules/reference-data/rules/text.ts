const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Lower-cases and strips accents so "Étienne", "ETIENNE" and "etienne" compare equal.
 * œ/æ are ligatures, not accented letters, so NFD leaves them alone: they are expanded by hand.
 */
export function foldAccents(s: string): string {
  return s.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase().replaceAll("œ", "oe").replaceAll("æ", "ae");
}
