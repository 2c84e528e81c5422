import { CLIENT_TYPE_LABELS, HOUSING_LABELS, MARITAL_STATUS_LABELS, PROFESSIONAL_STATUS_LABELS } from "../crm/client-model";
import type { ProductLine } from "../crm/product-lines";

/**
 * Gap-detection rules of the commercial rebound, kept as DATA so that a non-developer can read
 * (and review) them: docs/followup-rules.md is generated from this file.
 *
 * How to read a rule:
 * - `productLine`: the protection proposed. The rule is skipped automatically when the client
 *   already holds that line (or one of `alsoSatisfiedBy`), with us or elsewhere.
 * - `when`: the condition, in a tiny language:
 *     { all: [...] }  every sub-condition holds      { any: [...] }  at least one holds
 *     { not: ... }    the sub-condition does not hold
 *     { fact: "age", gte: 30, lte: 62 }              comparisons: eq, ne, in, gt, gte, lt, lte
 *     { has: "auto" } / { has: ["auto", "moto"] }    holds one of these lines, with us or elsewhere
 *   A comparison on an unknown fact is false, so an empty field does not trigger a rule by itself;
 *   only `not` turns "unknown" into true, which the docs spell "(ou inconnu)".
 * - `why`: the sentence said to the client; {age}, {childrenCount}… are replaced by the facts.
 * - `weight`: higher comes first (legal obligations first, comfort last); ties keep file order.
 */

export type FactName =
  | "clientType"
  | "isTns"
  | "isPro"
  | "professionalStatus"
  | "isActive"
  | "nafCode"
  | "nafSection"
  | "isConstructionTrade"
  | "maritalStatus"
  | "childrenCount"
  | "housing"
  | "vehicleCount"
  | "age"
  | "hasPets"
  | "incomeTaxHigh"
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

export interface GapRule {
  id: string;
  productLine: ProductLine;
  /** Other lines that already cover the need (e.g. a fleet policy covers the car). */
  alsoSatisfiedBy?: readonly ProductLine[];
  title: string;
  why: string;
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

export const FACTS: Readonly<Record<FactName, FactDefinition>> = {
  clientType: { label: "type de client", kind: "enum", values: CLIENT_TYPE_LABELS },
  isTns: { label: "client TNS / indépendant", kind: "boolean" },
  isPro: { label: "client professionnel (pro, entreprise ou TNS)", kind: "boolean" },
  professionalStatus: { label: "situation professionnelle", kind: "enum", values: PROFESSIONAL_STATUS_LABELS },
  isActive: { label: "en activité professionnelle (ni retraité, ni sans emploi, ni étudiant)", kind: "boolean" },
  nafCode: { label: "code NAF", kind: "text" },
  nafSection: { label: "section NAF", kind: "text" },
  isConstructionTrade: { label: "métier du bâtiment (section NAF F)", kind: "boolean" },
  maritalStatus: { label: "situation matrimoniale", kind: "enum", values: MARITAL_STATUS_LABELS },
  childrenCount: { label: "nombre d'enfants à charge", kind: "number" },
  housing: { label: "logement", kind: "enum", values: HOUSING_LABELS },
  vehicleCount: { label: "nombre de véhicules", kind: "number" },
  age: { label: "âge", kind: "number", unit: " ans" },
  hasPets: { label: "possède un ou des animaux", kind: "boolean" },
  incomeTaxHigh: { label: "forte imposition sur le revenu", kind: "boolean" },
  headcount: { label: "effectif salarié", kind: "number" },
};

export const FACT_NAMES = Object.keys(FACTS) as FactName[];

const always: Condition = { all: [] };

export const GAP_RULES: readonly GapRule[] = [
  {
    id: "btp_sans_decennale",
    productLine: "rc_decennale",
    title: "Métier du bâtiment sans RC décennale",
    why:
      "Votre activité relève du bâtiment : la responsabilité civile décennale est obligatoire pour tout " +
      "constructeur (loi Spinetta) et un chantier sans elle engage vos biens personnels.",
    weight: 100,
    when: {
      all: [
        { fact: "isPro", eq: true },
        { fact: "isConstructionTrade", eq: true },
      ],
    },
  },
  {
    id: "locataire_sans_mrh",
    productLine: "habitation",
    title: "Locataire sans assurance habitation",
    why:
      "En tant que locataire, l'assurance des risques locatifs est obligatoire (loi du 6 juillet 1989) " +
      "et votre bailleur peut la demander à tout moment.",
    weight: 95,
    when: { fact: "housing", eq: "locataire" },
  },
  {
    id: "vehicule_sans_auto",
    productLine: "auto",
    alsoSatisfiedBy: ["flotte_automobile"],
    title: "Véhicule sans assurance auto connue",
    why:
      "Vous déclarez {vehicleCount} véhicule(s) sans assurance auto connue : la responsabilité civile " +
      "automobile est obligatoire, vérifions ensemble vos garanties.",
    weight: 90,
    when: { fact: "vehicleCount", gte: 1 },
  },
  {
    id: "entreprise_sans_collective",
    productLine: "sante_prevoyance_collective",
    title: "Entreprise sans mutuelle / prévoyance collective",
    why:
      "Dès le premier salarié, la complémentaire santé collective est obligatoire (ANI) et la prévoyance " +
      "est souvent imposée par la convention collective.",
    weight: 90,
    when: { all: [{ fact: "clientType", eq: "entreprise" }, { not: { fact: "headcount", eq: 0 } }] },
  },
  {
    id: "tns_sans_prevoyance",
    productLine: "prevoyance",
    title: "TNS sans prévoyance",
    why:
      "En cas d'arrêt de travail, la couverture d'un indépendant est limitée : sans prévoyance, vos revenus " +
      "et votre activité ne sont pas protégés.",
    weight: 85,
    when: { fact: "isTns", eq: true },
  },
  {
    id: "pro_sans_rc_pro",
    productLine: "rc_pro",
    alsoSatisfiedBy: ["multirisque_pro"],
    title: "Professionnel sans RC pro ni multirisque pro",
    why:
      "Un dommage causé à un client ou à un tiers dans le cadre de votre activité serait payé sur vos " +
      "fonds propres sans responsabilité civile professionnelle.",
    weight: 80,
    when: { fact: "isPro", eq: true },
  },
  {
    id: "proprietaire_sans_mrh",
    productLine: "habitation",
    title: "Propriétaire sans assurance habitation",
    why:
      "Votre logement est votre patrimoine : sans assurance habitation, un incendie ou un dégât des eaux " +
      "est à votre charge, et la responsabilité civile est obligatoire en copropriété.",
    weight: 80,
    when: { fact: "housing", eq: "proprietaire" },
  },
  {
    id: "famille_sans_prevoyance",
    productLine: "prevoyance",
    title: "Famille avec enfants sans prévoyance décès",
    why:
      "Avec {childrenCount} enfant(s) à charge, un décès ou une invalidité priverait votre famille de " +
      "revenus : une prévoyance (capital décès, rente éducation) la protège.",
    weight: 75,
    when: { fact: "childrenCount", gte: 1 },
  },
  {
    id: "gav_absente",
    productLine: "gav",
    title: "Pas de garantie des accidents de la vie",
    why:
      "Un accident domestique, de sport ou de loisir sans tiers responsable n'est indemnisé par personne " +
      "sans garantie des accidents de la vie.",
    weight: 60,
    when: { fact: "clientType", in: ["particulier", "professionnel"] },
  },
  {
    id: "retraite_sans_per",
    productLine: "per",
    title: "Actif de 30 à 62 ans sans épargne retraite",
    why:
      "À {age} ans, préparer sa retraite tôt limite la baisse de revenus à venir, et les versements sur un " +
      "PER sont déductibles du revenu imposable.",
    weight: 55,
    when: {
      all: [
        { fact: "age", gte: 30, lte: 62 },
        { fact: "isActive", eq: true },
      ],
    },
  },
  {
    id: "pj_absente",
    productLine: "protection_juridique",
    title: "Pas de protection juridique",
    why:
      "En cas de litige (voisinage, achat, travaux, employeur), les frais d'avocat et d'expertise restent " +
      "à votre charge sans protection juridique.",
    weight: 50,
    when: always,
  },
  {
    id: "forte_imposition",
    productLine: "defiscalisation",
    title: "Forte imposition sans solution de défiscalisation",
    why: "Votre impôt sur le revenu est élevé : des dispositifs légaux permettent de le réduire tout en " + "constituant un patrimoine.",
    weight: 45,
    when: { fact: "incomeTaxHigh", eq: true },
  },
  {
    id: "senior_sans_obseques",
    productLine: "obseques",
    title: "55 ans et plus sans contrat obsèques",
    why:
      "À {age} ans, un contrat obsèques évite à vos proches d'avancer plusieurs milliers d'euros et " + "d'organiser seuls la cérémonie.",
    weight: 35,
    when: { fact: "age", gte: 55 },
  },
  {
    id: "animaux_sans_assurance",
    productLine: "animaux",
    title: "Animal sans assurance santé animale",
    why: "Une chirurgie ou une maladie de votre animal peut coûter plusieurs centaines d'euros, non remboursés.",
    weight: 30,
    when: { fact: "hasPets", eq: true },
  },
];
