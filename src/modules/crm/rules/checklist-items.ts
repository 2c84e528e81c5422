import type { ClientPath, ClientType } from "./client-model";

/**
 * The client-record checklist of the M+3 as data (spec 001 §3, 002 §4.3, 003 étape 1).
 * Item keys are persisted with their review status: keep them stable.
 */

/** 1 = must be right for the record to be usable, 3 = nice to have. */
export type ChecklistPriority = 1 | 2 | 3;

export interface ChecklistItem {
  readonly key: string;
  readonly label: string;
  readonly clientPath: ClientPath;
  readonly priority: ChecklistPriority;
  /**
   * Internal data the agency itself owns (agency, account manager): the client cannot "not
   * provide" it, so "Non communiqué" does not close the item (spec 001 §3 "point obligatoire").
   */
  readonly mandatory?: boolean;
  /** What the agent asks on the phone; absent for items checked without asking (NAF, agency). */
  readonly question?: string;
}

export const REVIEW_STATUS_OPTIONS = [
  { value: "confirmed", label: "Confirmé" },
  { value: "modified", label: "Modifié" },
  { value: "not_provided", label: "Non communiqué" },
] as const;
export type ReviewStatus = (typeof REVIEW_STATUS_OPTIONS)[number]["value"];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  confirmed: "Confirmé",
  modified: "Modifié",
  not_provided: "Non communiqué",
};

/** Absent key = not reviewed yet. */
export type ChecklistReviews = Readonly<Record<string, ReviewStatus | undefined>>;

const PERSON_ITEMS: readonly ChecklistItem[] = [
  {
    key: "last_name",
    label: "Nom",
    clientPath: "lastName",
    priority: 1,
    question: "Je vérifie l'orthographe de votre nom et de votre prénom.",
  },
  { key: "first_name", label: "Prénom", clientPath: "firstName", priority: 1 },
  {
    key: "mailing_address",
    label: "Adresse d'envoi",
    clientPath: "mailingAddress",
    priority: 1,
    question: "Votre adresse d'envoi est-elle toujours la même ?",
  },
  {
    key: "phone",
    label: "Téléphone",
    clientPath: "phone",
    priority: 1,
    question: "Ce numéro est-il le meilleur pour vous joindre ?",
  },
  {
    key: "email",
    label: "E-mail",
    clientPath: "email",
    priority: 1,
    question: "Votre adresse e-mail est-elle toujours valable ?",
  },
  {
    key: "marital_status",
    label: "Situation matrimoniale",
    clientPath: "maritalStatus",
    priority: 2,
    question: "Votre situation familiale a-t-elle changé (mariage, Pacs, naissance…) ?",
  },
  {
    key: "professional_status",
    label: "Situation professionnelle",
    clientPath: "professionalStatus",
    priority: 2,
    question: "Quelle est votre situation professionnelle aujourd'hui ?",
  },
];

const PRO_ITEMS: readonly ChecklistItem[] = [
  {
    key: "siret",
    label: "SIREN / SIRET",
    clientPath: "siret",
    priority: 1,
    question: "Pouvez-vous me confirmer votre numéro SIRET ?",
  },
  { key: "naf_code", label: "Code NAF", clientPath: "nafCode", priority: 1 },
  {
    // The legal form (with the mandate) decides whether the manager is TNS: the record needs it for the TNS check.
    key: "legal_form",
    label: "Forme juridique",
    clientPath: "legalForm",
    priority: 2,
    question: "Sous quelle forme exercez-vous : entreprise individuelle, EURL, SARL, SAS… ?",
  },
  {
    key: "activity",
    label: "Activité exacte",
    clientPath: "activity",
    priority: 2,
    question: "Quelle est précisément votre activité ?",
  },
  {
    key: "annual_revenue",
    label: "Chiffre d'affaires",
    clientPath: "annualRevenue",
    priority: 3,
    question: "Quel est votre chiffre d'affaires annuel, approximativement ?",
  },
  {
    key: "headcount",
    label: "Effectif",
    clientPath: "headcount",
    priority: 3,
    question: "Combien de salariés travaillent avec vous ?",
  },
];

const COMPANY_ITEMS: readonly ChecklistItem[] = [
  {
    key: "manager",
    label: "Gérant / décideur",
    clientPath: "managerName",
    priority: 2,
    question: "Qui est le gérant, la personne qui décide dans l'entreprise ?",
  },
  {
    key: "insurance_contact",
    label: "Interlocuteur qui gère les assurances",
    clientPath: "insuranceContactName",
    priority: 2,
    question: "Qui s'occupe des assurances au sein de l'entreprise ?",
  },
];

const AGENCY_ITEMS: readonly ChecklistItem[] = [
  { key: "agency", label: "Bonne agence", clientPath: "agencyId", priority: 1, mandatory: true },
  {
    key: "account_manager",
    label: "Bon chargé de clientèle",
    clientPath: "accountManagerId",
    priority: 1,
    mandatory: true,
  },
];

export const CHECKLISTS: Readonly<Record<ClientType, readonly ChecklistItem[]>> = {
  particulier: [...PERSON_ITEMS, ...AGENCY_ITEMS],
  professionnel: [...PERSON_ITEMS, ...PRO_ITEMS, ...AGENCY_ITEMS],
  entreprise: [...PERSON_ITEMS, ...PRO_ITEMS, ...COMPANY_ITEMS, ...AGENCY_ITEMS],
};
