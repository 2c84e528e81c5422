import {
  CLIENT_TYPE_LABELS,
  HOUSING_LABELS,
  LEGAL_FORM_LABELS,
  MARITAL_STATUS_LABELS,
  PROFESSIONAL_STATUS_LABELS,
} from "../../crm/rules/client-model";
import type { ProductLine } from "../../crm/rules/product-lines";

/** The language of the gap rules (gap-rules.ts): the facts they test, the conditions, the kinds of need. */

export type FactName =
  | "clientType"
  | "isTns"
  | "isPro"
  | "professionalStatus"
  | "isActive"
  | "nafCode"
  | "nafSection"
  | "isConstructionTrade"
  | "rcProOwnNeed"
  | "premisesActivity"
  | "legalForm"
  | "managerIsTns"
  | "maritalStatus"
  | "childrenCount"
  | "housing"
  | "vehicleCount"
  | "age"
  | "dogOrCat"
  | "incomeTaxRate"
  | "headcount";

export type FactValue = string | number | boolean;

export interface FactTest {
  fact: FactName;
  eq?: FactValue;
  ne?: FactValue;
  in?: readonly FactValue[];
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { has: ProductLine | readonly ProductLine[] }
  | FactTest;

/**
 * What kind of need a rule detects; it ranks before the weight does.
 * - obligation: the law requires the cover (décennale, risques locatifs, RC auto, mutuelle collective);
 * - specific: a need that comes from a fact of this client (his status, his activity, his family, his
 *   home, his pets, his tax band, his age);
 * - generic: a need every client has (GAV, protection juridique, retirement savings).
 * A specific need never loses to a generic one: the generic ones are what the advisor checks anyway
 * (spec 002 §4.5 "vérifier explicitement les protections structurantes"), the specific one is what
 * only a review of this client's situation finds.
 */
export type NeedKind = "obligation" | "specific" | "generic";
export const NEED_KIND_RANK: Record<NeedKind, number> = { obligation: 0, specific: 1, generic: 2 };
export const NEED_KIND_LABELS: Record<NeedKind, string> = {
  obligation: "Obligation légale",
  specific: "Besoin propre au client",
  generic: "Besoin de tous",
};

/** Kind first (obligation, specific, generic), then weight: the order of the engine and of the docs. */
export function compareRules(a: Pick<GapRule, "kind" | "weight">, b: Pick<GapRule, "kind" | "weight">): number {
  return NEED_KIND_RANK[a.kind] - NEED_KIND_RANK[b.kind] || b.weight - a.weight;
}

export interface GapRule {
  id: string;
  productLine: ProductLine;
  /** Other lines that already cover the need (e.g. a fleet policy covers the car). */
  alsoSatisfiedBy?: readonly ProductLine[];
  title: string;
  kind: NeedKind;
  /** What the advisor tells the client. */
  why: string;
  /** Why the agency applies the rule (law, practice): for the team and the documentation. */
  rationale: string;
  weight: number;
  when: Condition;
}

export interface FactDefinition {
  /** For booleans, phrased as what is true ("client TNS / indépendant"). */
  label: string;
  kind: "boolean" | "number" | "enum" | "text";
  unit?: string;
  values?: Readonly<Record<string, string>>;
}

/** NAF sections where the liability for the service or the advice is a need of its own (see pro_sans_rc_pro). */
export const RC_PRO_OWN_NEED_SECTIONS = ["F", "G", "J", "K", "L", "M", "N", "P", "Q", "S"] as const;
/** NAF sections whose work depends on premises, equipment or stock (see pro_sans_multirisque). */
export const PREMISES_SECTIONS = ["C", "F", "G", "I", "S"] as const;

export const FACTS: Readonly<Record<FactName, FactDefinition>> = {
  clientType: { label: "type de client", kind: "enum", values: CLIENT_TYPE_LABELS },
  isTns: { label: "client TNS / indépendant (fiche, ou TNS détecté et non écarté)", kind: "boolean" },
  isPro: { label: "client professionnel (pro, entreprise ou TNS)", kind: "boolean" },
  professionalStatus: { label: "situation professionnelle", kind: "enum", values: PROFESSIONAL_STATUS_LABELS },
  isActive: { label: "en activité professionnelle (ni retraité, ni sans emploi, ni étudiant)", kind: "boolean" },
  nafCode: { label: "code NAF", kind: "text" },
  nafSection: { label: "section NAF", kind: "text" },
  isConstructionTrade: { label: "métier du bâtiment (section NAF F)", kind: "boolean" },
  rcProOwnNeed: {
    label: `activité de services, de conseil, d'informatique, de commerce, de santé ou du bâtiment (sections NAF ${RC_PRO_OWN_NEED_SECTIONS.join(", ")})`,
    kind: "boolean",
  },
  premisesActivity: {
    label: `activité à local, matériel ou stock (sections NAF ${PREMISES_SECTIONS.join(", ")})`,
    kind: "boolean",
  },
  legalForm: { label: "forme juridique", kind: "enum", values: LEGAL_FORM_LABELS },
  managerIsTns: { label: "dirigeant travailleur non salarié (forme juridique et mandat)", kind: "boolean" },
  maritalStatus: { label: "situation matrimoniale", kind: "enum", values: MARITAL_STATUS_LABELS },
  childrenCount: { label: "nombre d'enfants à charge", kind: "number" },
  housing: { label: "logement", kind: "enum", values: HOUSING_LABELS },
  vehicleCount: { label: "nombre de véhicules", kind: "number" },
  age: { label: "âge", kind: "number", unit: " ans" },
  dogOrCat: { label: "a un chien ou un chat", kind: "boolean" },
  incomeTaxRate: { label: "tranche marginale d'imposition", kind: "number", unit: " %" },
  headcount: { label: "effectif salarié", kind: "number" },
};

export const FACT_NAMES = Object.keys(FACTS) as FactName[];
