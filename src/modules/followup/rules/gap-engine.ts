import {
  ACTIVE_PROFESSIONAL_STATUSES,
  ageAt,
  type ClientRecord,
  type ClientType,
  type HousingStatus,
  INACTIVE_PROFESSIONAL_STATUSES,
  type LegalForm,
  type ManagerRole,
  type MaritalStatus,
  nafSectionOf,
  type PetSpecies,
  type ProfessionalStatus,
} from "../../crm/rules/client-model";
import { type ProductLine, productLineLabel } from "../../crm/rules/product-lines";
import { managerIsTns } from "../../crm/rules/tns";
import {
  type Condition,
  compareRules,
  FACTS,
  type FactName,
  type FactTest,
  type FactValue,
  GAP_RULES,
  type GapRule,
  type NeedKind,
  PREMISES_SECTIONS,
  RC_PRO_OWN_NEED_SECTIONS,
} from "./gap-rules";
import { MAX_RETAINED_GAPS } from "./model";

export { renderRulesAsMarkdown, renderRulesAsText } from "./gap-docs";

/** What the agent knows about the client; every unknown fact stays undefined/null. */
export interface ClientProfileFacts {
  clientType: ClientType;
  /** The status the call works with: the record's flag, or a TNS detected and not set aside (tns.ts). */
  isTns: boolean;
  professionalStatus?: ProfessionalStatus | null;
  nafCode?: string | null;
  /** Derived from nafCode when absent. */
  nafSection?: string | null;
  /** Derived from the NAF section (F) when absent. */
  isConstructionTrade?: boolean | null;
  maritalStatus?: MaritalStatus | null;
  childrenCount?: number | null;
  housing?: HousingStatus | null;
  vehicleCount?: number | null;
  age?: number | null;
  petSpecies?: readonly PetSpecies[] | null;
  /** Tranche marginale d'imposition, percent. */
  incomeTaxRate?: number | null;
  headcount?: number | null;
  legalForm?: LegalForm | null;
  managerRole?: ManagerRole | null;
  /** Lines held with us. */
  linesHere?: readonly ProductLine[];
  /** Lines declared as held with another insurer (bilan global). */
  linesElsewhere?: readonly ProductLine[];
}

export type ResolvedFacts = Partial<Record<FactName, FactValue>>;

function isActiveFrom(facts: ClientProfileFacts): boolean | undefined {
  if (facts.isTns) return true;
  const status = facts.professionalStatus;
  if (!status) return undefined;
  if (ACTIVE_PROFESSIONAL_STATUSES.includes(status)) return true;
  if (INACTIVE_PROFESSIONAL_STATUSES.includes(status)) return false;
  return undefined;
}

/** Raw facts plus the derived ones the rules speak about (isPro, isActive, NAF section…). */
export function resolveFacts(facts: ClientProfileFacts): ResolvedFacts {
  const nafSection = facts.nafSection ?? nafSectionOf(facts.nafCode);
  const inSections = (sections: readonly string[]) => (nafSection ? sections.includes(nafSection) : undefined);
  const pets = facts.petSpecies;
  const derived: Record<FactName, FactValue | null | undefined> = {
    clientType: facts.clientType,
    isTns: facts.isTns,
    isPro: facts.clientType !== "particulier" || facts.isTns,
    professionalStatus: facts.professionalStatus,
    isActive: isActiveFrom(facts),
    nafCode: facts.nafCode,
    nafSection,
    isConstructionTrade: facts.isConstructionTrade ?? (nafSection ? nafSection === "F" : undefined),
    rcProOwnNeed: inSections(RC_PRO_OWN_NEED_SECTIONS),
    premisesActivity: inSections(PREMISES_SECTIONS),
    legalForm: facts.legalForm,
    managerIsTns: managerIsTns(facts.legalForm, facts.managerRole),
    maritalStatus: facts.maritalStatus,
    childrenCount: facts.childrenCount,
    housing: facts.housing,
    vehicleCount: facts.vehicleCount,
    age: facts.age,
    dogOrCat: pets ? pets.includes("chien") || pets.includes("chat") : undefined,
    incomeTaxRate: facts.incomeTaxRate,
    headcount: facts.headcount,
  };
  return Object.fromEntries(Object.entries(derived).filter(([, v]) => v !== undefined && v !== null)) as ResolvedFacts;
}

export function heldLines(facts: ClientProfileFacts): ReadonlySet<ProductLine> {
  return new Set([...(facts.linesHere ?? []), ...(facts.linesElsewhere ?? [])]);
}

function testFact(test: FactTest, facts: ResolvedFacts): boolean {
  const value = facts[test.fact];
  // Unknown facts never match, so an empty CRM field cannot trigger a proposal.
  if (value === undefined) return false;
  const num = typeof value === "number" ? value : undefined;
  if (test.eq !== undefined && value !== test.eq) return false;
  if (test.ne !== undefined && value === test.ne) return false;
  if (test.in !== undefined && !test.in.includes(value)) return false;
  const numeric = [test.gt, test.gte, test.lt, test.lte].some((b) => b !== undefined);
  if (numeric && num === undefined) return false;
  if (num !== undefined) {
    if (test.gt !== undefined && !(num > test.gt)) return false;
    if (test.gte !== undefined && !(num >= test.gte)) return false;
    if (test.lt !== undefined && !(num < test.lt)) return false;
    if (test.lte !== undefined && !(num <= test.lte)) return false;
  }
  return true;
}

export function evaluateCondition(condition: Condition, facts: ResolvedFacts, held: ReadonlySet<ProductLine>): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, facts, held));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, facts, held));
  if ("not" in condition) return !evaluateCondition(condition.not, facts, held);
  if ("has" in condition) {
    const lines: readonly ProductLine[] = typeof condition.has === "string" ? [condition.has] : condition.has;
    return lines.some((line) => held.has(line));
  }
  return testFact(condition, facts);
}

function formatFact(name: FactName, value: FactValue): string {
  const def = FACTS[name];
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (def.values && typeof value === "string") return def.values[value] ?? value;
  return `${value}${def.unit ?? ""}`;
}

/** Replaces {fact} placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function renderWhy(template: string, facts: ResolvedFacts): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in FACTS)) return whole;
    const value = facts[name as FactName];
    return value === undefined ? whole : formatFact(name as FactName, value);
  });
}

export function ruleLines(rule: GapRule): ProductLine[] {
  return [rule.productLine, ...(rule.alsoSatisfiedBy ?? [])];
}

export interface GapMatch {
  ruleId: string;
  productLine: ProductLine;
  productLabel: string;
  title: string;
  kind: NeedKind;
  why: string;
  weight: number;
}

/** Every rule that fires: obligations, then the client's own needs, then everybody's; by weight within a kind. */
export function evaluateGaps(facts: ClientProfileFacts, rules: readonly GapRule[] = GAP_RULES): GapMatch[] {
  const resolved = resolveFacts(facts);
  const held = heldLines(facts);
  return rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => !ruleLines(rule).some((line) => held.has(line)))
    .filter(({ rule }) => evaluateCondition(rule.when, resolved, held))
    .sort((a, b) => compareRules(a.rule, b.rule) || a.index - b.index)
    .map(({ rule }) => ({
      ruleId: rule.id,
      productLine: rule.productLine,
      productLabel: productLineLabel(rule.productLine),
      title: rule.title,
      kind: rule.kind,
      why: renderWhy(rule.why, resolved),
      weight: rule.weight,
    }));
}

/**
 * The few gaps worth raising on this call (spec 002 §8: 2-3 max), one per product line so two
 * rules pointing at the same cover (TNS and family → prévoyance) do not waste a slot.
 */
export function topGaps(facts: ClientProfileFacts, limit: number = MAX_RETAINED_GAPS, rules: readonly GapRule[] = GAP_RULES): GapMatch[] {
  const seen = new Set<ProductLine>();
  const top: GapMatch[] = [];
  for (const match of evaluateGaps(facts, rules)) {
    if (top.length >= limit) break;
    if (seen.has(match.productLine)) continue;
    seen.add(match.productLine);
    top.push(match);
  }
  return top;
}

/**
 * Facts from the CRM record; profile facts the record lacks simply stay unknown. `isTns` is the status
 * the call works with (a detected TNS counts until set aside), the record's flag when not given.
 */
export function profileFactsFromClient(
  client: ClientRecord,
  options: { now: Date; isTns?: boolean; linesHere?: readonly ProductLine[]; linesElsewhere?: readonly ProductLine[] },
): ClientProfileFacts {
  return {
    clientType: client.type,
    isTns: options.isTns ?? client.isTns,
    professionalStatus: client.professionalStatus,
    nafCode: client.nafCode,
    maritalStatus: client.maritalStatus,
    childrenCount: client.childrenCount,
    housing: client.housing,
    vehicleCount: client.vehicleCount,
    age: ageAt(client.birthDate, options.now),
    petSpecies: client.petSpecies,
    incomeTaxRate: client.incomeTaxRate,
    headcount: client.headcount,
    legalForm: client.legalForm,
    managerRole: client.managerRole,
    linesHere: options.linesHere ?? [],
    linesElsewhere: options.linesElsewhere ?? [],
  };
}
