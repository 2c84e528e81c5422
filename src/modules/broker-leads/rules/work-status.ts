/**
 * How a broker works a lead or an RDV it bought (spec §7 "Statuts (contacté / vendu / perdu) + motif"):
 * nouveau → contacté → vendu (the broker signed the prospect) or perdu, with a reason. A lead may be lost
 * before any contact (a wrong number is found on the first dial), and a lost lead may be reopened once the
 * prospect calls back. Shared by the server and the web app.
 */
export const WORK_STATUSES = ["nouveau", "contacte", "vendu", "perdu"] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const WORK_STATUS_LABELS: Record<WorkStatus, string> = {
  nouveau: "Nouveau",
  contacte: "Contacté",
  vendu: "Vendu",
  perdu: "Perdu",
};

/** The statuses each status may move to; "vendu" is final (the prospect became a client). */
export const NEXT_STATUSES: Record<WorkStatus, readonly WorkStatus[]> = {
  nouveau: ["contacte", "perdu"],
  contacte: ["vendu", "perdu"],
  vendu: [],
  perdu: ["contacte"],
};

export const LOST_REASONS = [
  "injoignable",
  "faux_numero",
  "pas_interesse",
  "deja_equipe",
  "trop_cher",
  "hors_cible",
  "concurrent",
  "autre",
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const LOST_REASON_LABELS: Record<LostReason, string> = {
  injoignable: "Injoignable",
  faux_numero: "Faux numéro",
  pas_interesse: "Pas intéressé",
  deja_equipe: "Déjà équipé / vient de signer ailleurs",
  trop_cher: "Offre jugée trop chère",
  hors_cible: "Hors cible (profil non assurable, hors zone…)",
  concurrent: "Parti chez un concurrent",
  autre: "Autre (préciser)",
};

export function mayMove(from: WorkStatus, to: WorkStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
