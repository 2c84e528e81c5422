/**
 * Client record of the agency CRM, shared by the server (persistence, enforcement) and the React app.
 * Value slugs are stored and exchanged: keep them stable; labels are French UI text and may change.
 */

export interface Option<V extends string = string> {
  readonly value: V;
  readonly label: string;
}

function labelsOf<V extends string>(options: readonly Option<V>[]): Record<V, string> {
  return Object.fromEntries(options.map((o) => [o.value, o.label])) as Record<V, string>;
}

export const CLIENT_TYPE_OPTIONS = [
  { value: "particulier", label: "Particulier" },
  { value: "professionnel", label: "Professionnel" },
  { value: "entreprise", label: "Entreprise" },
] as const satisfies readonly Option[];
export type ClientType = (typeof CLIENT_TYPE_OPTIONS)[number]["value"];
export const CLIENT_TYPES: readonly ClientType[] = CLIENT_TYPE_OPTIONS.map((o) => o.value);
export const CLIENT_TYPE_LABELS = labelsOf<ClientType>(CLIENT_TYPE_OPTIONS);

export const MARITAL_STATUS_OPTIONS = [
  { value: "celibataire", label: "Célibataire" },
  { value: "marie", label: "Marié(e)" },
  { value: "pacse", label: "Pacsé(e)" },
  { value: "divorce", label: "Divorcé(e)" },
  { value: "veuf", label: "Veuf(ve)" },
  { value: "union_libre", label: "Union libre" },
] as const satisfies readonly Option[];
export type MaritalStatus = (typeof MARITAL_STATUS_OPTIONS)[number]["value"];
export const MARITAL_STATUSES: readonly MaritalStatus[] = MARITAL_STATUS_OPTIONS.map((o) => o.value);
export const MARITAL_STATUS_LABELS = labelsOf<MaritalStatus>(MARITAL_STATUS_OPTIONS);

export const PROFESSIONAL_STATUS_OPTIONS = [
  { value: "salarie_prive", label: "Salarié du privé" },
  { value: "fonctionnaire", label: "Fonctionnaire" },
  { value: "tns_independant", label: "TNS / indépendant" },
  { value: "profession_liberale", label: "Profession libérale" },
  { value: "chef_entreprise", label: "Chef d'entreprise" },
  { value: "retraite", label: "Retraité" },
  { value: "sans_emploi", label: "Sans emploi" },
  { value: "etudiant", label: "Étudiant" },
  { value: "autre", label: "Autre" },
] as const satisfies readonly Option[];
export type ProfessionalStatus = (typeof PROFESSIONAL_STATUS_OPTIONS)[number]["value"];
export const PROFESSIONAL_STATUSES: readonly ProfessionalStatus[] = PROFESSIONAL_STATUS_OPTIONS.map((o) => o.value);
export const PROFESSIONAL_STATUS_LABELS = labelsOf<ProfessionalStatus>(PROFESSIONAL_STATUS_OPTIONS);

/**
 * Statuses that always mean "travailleur non salarié". A chef d'entreprise is left out on purpose:
 * a SAS president is assimilé salarié, only a gérant majoritaire is TNS, so it must be asked.
 */
export const TNS_PROFESSIONAL_STATUSES: readonly ProfessionalStatus[] = ["tns_independant", "profession_liberale"];

/** Working people; "autre" is deliberately neither active nor inactive (unknown). */
export const ACTIVE_PROFESSIONAL_STATUSES: readonly ProfessionalStatus[] = [
  "salarie_prive",
  "fonctionnaire",
  "tns_independant",
  "profession_liberale",
  "chef_entreprise",
];
export const INACTIVE_PROFESSIONAL_STATUSES: readonly ProfessionalStatus[] = ["retraite", "sans_emploi", "etudiant"];

export const HOUSING_OPTIONS = [
  { value: "proprietaire", label: "Propriétaire" },
  { value: "locataire", label: "Locataire" },
  { value: "heberge", label: "Hébergé(e)" },
] as const satisfies readonly Option[];
export type HousingStatus = (typeof HOUSING_OPTIONS)[number]["value"];
export const HOUSING_STATUSES: readonly HousingStatus[] = HOUSING_OPTIONS.map((o) => o.value);
export const HOUSING_LABELS = labelsOf<HousingStatus>(HOUSING_OPTIONS);

export const CLIENT_ORIGIN_OPTIONS = [
  { value: "chalandise", label: "Chalandise" },
  { value: "recommandation", label: "Recommandation" },
  { value: "apporteur", label: "Apporteur" },
  { value: "lead", label: "Lead" },
  { value: "site", label: "Site internet" },
  { value: "salarie_entreprise_assuree", label: "Salarié d'une entreprise assurée" },
  { value: "franchise_reseau_assure", label: "Franchisé d'un réseau assuré" },
  { value: "autre", label: "Autre" },
] as const satisfies readonly Option[];
export type ClientOrigin = (typeof CLIENT_ORIGIN_OPTIONS)[number]["value"];
export const CLIENT_ORIGINS: readonly ClientOrigin[] = CLIENT_ORIGIN_OPTIONS.map((o) => o.value);
export const CLIENT_ORIGIN_LABELS = labelsOf<ClientOrigin>(CLIENT_ORIGIN_OPTIONS);

export const CIVILITY_OPTIONS = [
  { value: "M.", label: "Monsieur" },
  { value: "Mme", label: "Madame" },
] as const satisfies readonly Option[];
export type Civility = (typeof CIVILITY_OPTIONS)[number]["value"];
export const CIVILITY_LABELS = labelsOf<Civility>(CIVILITY_OPTIONS);

/**
 * Everything optional/nullable: the M+3 exists precisely because records are incomplete,
 * and the checklist must be computable on whatever the CRM holds.
 */
export interface ClientRecord {
  id?: string;
  type: ClientType;
  /** Travailleur non salarié; a TNS filed as particulier must be requalified (spec 002 §4.3). */
  isTns: boolean;
  civility?: Civility | null;
  lastName?: string | null;
  firstName?: string | null;
  mailingAddress?: string | null;
  phone?: string | null;
  email?: string | null;
  maritalStatus?: MaritalStatus | null;
  professionalStatus?: ProfessionalStatus | null;
  housing?: HousingStatus | null;
  origin?: ClientOrigin | null;
  birthDate?: string | null;
  childrenCount?: number | null;
  vehicleCount?: number | null;
  hasPets?: boolean | null;
  incomeTaxHigh?: boolean | null;
  /** SIRET (14 digits) or, failing that, SIREN (9 digits). */
  siret?: string | null;
  nafCode?: string | null;
  activity?: string | null;
  annualRevenue?: number | null;
  headcount?: number | null;
  /** Person who handles insurance on the company side. */
  insuranceContactName?: string | null;
  /** Gérant / decision maker. */
  managerName?: string | null;
  agencyId?: string | null;
  accountManagerId?: string | null;
}

export type ClientPath = Exclude<keyof ClientRecord, "id" | "type" | "isTns">;

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "number") return Number.isNaN(value);
  return false;
}

/** A particulier whose job says TNS, or who is flagged TNS, still filed as particulier. */
export function needsTnsRequalification(client: Pick<ClientRecord, "type" | "isTns" | "professionalStatus">): boolean {
  if (client.type !== "particulier") return false;
  if (client.isTns) return true;
  return client.professionalStatus != null && TNS_PROFESSIONAL_STATUSES.includes(client.professionalStatus);
}

/**
 * NAF rév. 2 division → section. Kept inline (21 ranges) rather than importing the full
 * nomenclature, because this module also ships in the browser bundle.
 */
const NAF_SECTION_RANGES: readonly [from: number, to: number, section: string][] = [
  [1, 3, "A"],
  [5, 9, "B"],
  [10, 33, "C"],
  [35, 35, "D"],
  [36, 39, "E"],
  [41, 43, "F"],
  [45, 47, "G"],
  [49, 53, "H"],
  [55, 56, "I"],
  [58, 63, "J"],
  [64, 66, "K"],
  [68, 68, "L"],
  [69, 75, "M"],
  [77, 82, "N"],
  [84, 84, "O"],
  [85, 85, "P"],
  [86, 88, "Q"],
  [90, 93, "R"],
  [94, 96, "S"],
  [97, 98, "T"],
  [99, 99, "U"],
];

/** "43.21A", "4321A" or "43" → "F"; undefined when the code is not a NAF rév. 2 code. */
export function nafSectionOf(nafCode: string | null | undefined): string | undefined {
  if (!nafCode) return undefined;
  const match = /^\s*(\d{2})/.exec(nafCode);
  if (!match?.[1]) return undefined;
  const division = Number(match[1]);
  return NAF_SECTION_RANGES.find(([from, to]) => division >= from && division <= to)?.[2];
}

/** Age in whole years at `now`, from an ISO date (YYYY-MM-DD); undefined when unparsable. */
export function ageAt(birthDate: string | null | undefined, now: Date): number | undefined {
  if (!birthDate) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = now.getUTCFullYear() - y;
  const beforeBirthday = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age >= 0 && age < 130 ? age : undefined;
}
