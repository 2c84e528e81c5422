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
  { value: "artisan_commercant", label: "Artisan / commerçant" },
  { value: "profession_liberale", label: "Profession libérale" },
  { value: "exploitant_agricole", label: "Exploitant agricole" },
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
 * Statuses that always mean "travailleur non salarié" (SSI or MSA non-salariés). A chef d'entreprise is
 * left out on purpose: a SAS president is assimilé salarié, only a gérant majoritaire is TNS, so the
 * legal form and the mandate decide (see tns.ts).
 */
export const TNS_PROFESSIONAL_STATUSES: readonly ProfessionalStatus[] = [
  "tns_independant",
  "artisan_commercant",
  "profession_liberale",
  "exploitant_agricole",
];

/** Working people; "autre" is deliberately neither active nor inactive (unknown). */
export const ACTIVE_PROFESSIONAL_STATUSES: readonly ProfessionalStatus[] = [
  "salarie_prive",
  "fonctionnaire",
  ...TNS_PROFESSIONAL_STATUSES,
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

export const PET_SPECIES_OPTIONS = [
  { value: "chien", label: "Chien" },
  { value: "chat", label: "Chat" },
  { value: "autre", label: "Autre animal (NAC, cheval…)" },
] as const satisfies readonly Option[];
export type PetSpecies = (typeof PET_SPECIES_OPTIONS)[number]["value"];
export const PET_SPECIES: readonly PetSpecies[] = PET_SPECIES_OPTIONS.map((o) => o.value);
export const PET_SPECIES_LABELS = labelsOf<PetSpecies>(PET_SPECIES_OPTIONS);

/** "chien et chat", "aucun animal"; null when not known. */
export function petsText(species: readonly PetSpecies[] | null | undefined): string | null {
  if (!species) return null;
  if (species.length === 0) return "Aucun animal";
  const names = species.map((s) => (s === "autre" ? "autre animal" : PET_SPECIES_LABELS[s].toLowerCase()));
  return names.join(", ").replace(/^./, (c) => c.toUpperCase());
}

/**
 * Tranche marginale d'imposition (TMI) of the household: the rates of the income tax scale, unchanged
 * since 2015 (article 197 du CGI). The rate, not the income, is what the advice depends on: a PER
 * payment is deducted at this rate.
 */
export const INCOME_TAX_RATES = [0, 11, 30, 41, 45] as const;
export type IncomeTaxRate = (typeof INCOME_TAX_RATES)[number];
export const INCOME_TAX_RATE_OPTIONS = INCOME_TAX_RATES.map((rate) => ({
  value: String(rate),
  label: rate === 0 ? "Non imposable (0 %)" : `Tranche à ${rate} %`,
}));
export function incomeTaxRateLabel(rate: number | null | undefined): string | null {
  return rate == null ? null : (INCOME_TAX_RATE_OPTIONS.find((o) => o.value === String(rate))?.label ?? `${rate} %`);
}

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
  /** Species of the household's pets; [] = no pet, null = not known. */
  petSpecies?: readonly PetSpecies[] | null;
  /** Tranche marginale d'imposition, in percent (one of INCOME_TAX_RATES). */
  incomeTaxRate?: number | null;
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
  /** Legal form of the business (pro / TNS / entreprise): with the mandate, decides whether the manager is TNS. */
  legalForm?: LegalForm | null;
  /** The manager's mandate (the client himself for a pro, the gérant for a company). */
  managerRole?: ManagerRole | null;
  agencyId?: string | null;
  accountManagerId?: string | null;
}

export type ClientPath = Exclude<keyof ClientRecord, "id" | "type" | "isTns">;

export const LEGAL_FORM_OPTIONS = [
  { value: "ei", label: "Entreprise individuelle (EI, micro-entreprise)" },
  { value: "eurl", label: "EURL" },
  { value: "sarl", label: "SARL" },
  { value: "selarl", label: "SELARL" },
  { value: "snc", label: "SNC" },
  { value: "sas", label: "SAS" },
  { value: "sasu", label: "SASU" },
  { value: "selas", label: "SELAS" },
  { value: "sa", label: "SA" },
  { value: "sci", label: "SCI" },
  { value: "association", label: "Association" },
  { value: "autre", label: "Autre forme" },
] as const satisfies readonly Option[];
export type LegalForm = (typeof LEGAL_FORM_OPTIONS)[number]["value"];
export const LEGAL_FORMS: readonly LegalForm[] = LEGAL_FORM_OPTIONS.map((o) => o.value);
export const LEGAL_FORM_LABELS = labelsOf<LegalForm>(LEGAL_FORM_OPTIONS);

export const MANAGER_ROLE_OPTIONS = [
  { value: "gerant_majoritaire", label: "Gérant majoritaire (plus de 50 % des parts avec conjoint et enfants)" },
  { value: "gerant_minoritaire", label: "Gérant minoritaire ou égalitaire" },
  { value: "gerant_non_associe", label: "Gérant non associé" },
  { value: "president_dg", label: "Président, directeur général" },
  { value: "associe", label: "Associé sans mandat de direction" },
] as const satisfies readonly Option[];
export type ManagerRole = (typeof MANAGER_ROLE_OPTIONS)[number]["value"];
export const MANAGER_ROLES: readonly ManagerRole[] = MANAGER_ROLE_OPTIONS.map((o) => o.value);
export const MANAGER_ROLE_LABELS = labelsOf<ManagerRole>(MANAGER_ROLE_OPTIONS);

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "number") return Number.isNaN(value);
  return false;
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
