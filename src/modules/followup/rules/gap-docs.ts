import { joinFrench, type ProductLine, productLineLabel } from "../../crm/rules/product-lines";
import {
  type Condition,
  compareRules,
  FACT_NAMES,
  FACTS,
  type FactTest,
  type FactValue,
  GAP_RULES,
  type GapRule,
  NEED_KIND_LABELS,
} from "./gap-rules";
import { MAX_RETAINED_GAPS } from "./model";

/**
 * Plain-French rendering of the gap rules. docs/followup-rules.md is this module's output
 * (a test fails when they differ), so the documentation cannot drift from the engine.
 */

function valueText(test: FactTest, value: FactValue): string {
  const def = FACTS[test.fact];
  if (typeof value === "string" && def.values) return def.values[value] ?? value;
  return `${value}${def.unit ?? ""}`;
}

function describeTest(test: FactTest): string {
  const def = FACTS[test.fact];
  if (def.kind === "boolean" && test.eq !== undefined) return test.eq ? def.label : `non (${def.label})`;
  const parts: string[] = [];
  if (test.eq !== undefined) parts.push(valueText(test, test.eq));
  if (test.ne !== undefined) parts.push(`autre que ${valueText(test, test.ne)}`);
  if (test.in !== undefined)
    parts.push(
      joinFrench(
        test.in.map((v) => valueText(test, v)),
        "ou",
      ),
    );
  const unit = def.unit ?? "";
  if (test.gte !== undefined && test.lte !== undefined) parts.push(`entre ${test.gte} et ${test.lte}${unit}`);
  else if (test.gte !== undefined) parts.push(`${test.gte}${unit} ou plus`);
  else if (test.lte !== undefined) parts.push(`${test.lte}${unit} ou moins`);
  if (test.gt !== undefined) parts.push(`plus de ${test.gt}${unit}`);
  if (test.lt !== undefined) parts.push(`moins de ${test.lt}${unit}`);
  return `${def.label} : ${parts.join(", ")}`;
}

function linesText(has: ProductLine | readonly ProductLine[], conjunction: string): string {
  const lines: readonly ProductLine[] = typeof has === "string" ? [has] : has;
  return joinFrench(lines.map(productLineLabel), conjunction);
}

export function describeCondition(condition: Condition, nested = false): string {
  if ("all" in condition) {
    if (condition.all.length === 0) return "tous les clients";
    const text = condition.all.map((c) => describeCondition(c, true)).join(" et ");
    return nested && condition.all.length > 1 ? `(${text})` : text;
  }
  if ("any" in condition) {
    const text = condition.any.map((c) => describeCondition(c, true)).join(" ou ");
    return nested && condition.any.length > 1 ? `(${text})` : text;
  }
  if ("not" in condition) {
    const inner = condition.not;
    if ("has" in inner) return `ne détient pas (ni chez nous ni ailleurs) : ${linesText(inner.has, "ni")}`;
    // A comparison on an unknown fact is false, so its negation holds when the fact is unknown.
    if ("fact" in inner && inner.eq !== undefined && FACTS[inner.fact].kind !== "boolean") {
      return `${FACTS[inner.fact].label} : autre que ${valueText(inner, inner.eq)} (ou inconnu)`;
    }
    return `non (${describeCondition(inner)})`;
  }
  if ("has" in condition) return `détient (chez nous ou ailleurs) : ${linesText(condition.has, "ou")}`;
  return describeTest(condition);
}

/** The condition as applied by the engine, including the implicit "does not already hold it". */
export function describeRule(rule: GapRule): string {
  const lines = [rule.productLine, ...(rule.alsoSatisfiedBy ?? [])];
  const held = linesText(lines, "ni");
  return `${describeCondition(rule.when)} ; et ne détient pas déjà (ni chez nous ni ailleurs) : ${held}`;
}

function ranked(rules: readonly GapRule[]): GapRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => compareRules(a.rule, b.rule) || a.index - b.index)
    .map(({ rule }) => rule);
}

export function renderRulesAsText(rules: readonly GapRule[] = GAP_RULES): string {
  return ranked(rules)
    .map((rule, i) =>
      [
        `${i + 1}. ${rule.title} — ${productLineLabel(rule.productLine)} (${NEED_KIND_LABELS[rule.kind].toLowerCase()}, poids ${rule.weight}, règle ${rule.id})`,
        `   Si : ${describeRule(rule)}`,
        `   Pourquoi : ${rule.why}`,
        `   Raison de la règle : ${rule.rationale}`,
      ].join("\n"),
    )
    .join("\n\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderRulesAsMarkdown(rules: readonly GapRule[] = GAP_RULES): string {
  const header = [
    "# Suivi M+3 — règles de détection des manques",
    "",
    "<!-- Fichier généré depuis src/modules/followup/rules/gap-rules.ts : ne pas modifier à la main. -->",
    "<!-- Régénérer : UPDATE_FOLLOWUP_DOCS=1 npx vitest run src/modules/followup/rules/gap-docs.test.ts -->",
    "",
    "Pendant le rebond commercial, l'outil propose les manques logiques du client au regard de sa",
    "situation familiale, de son métier, de ses biens et de ses besoins de protection.",
    "",
    "- Une règle n'est proposée que si le client ne détient la garantie **ni chez nous ni ailleurs**.",
    "- Une comparaison sur une information inconnue est toujours fausse : un champ vide ne déclenche pas",
    "  une règle, sauf quand la condition le dit (« ou inconnu »).",
    `- Au plus ${MAX_RETAINED_GAPS} manques sont retenus par appel, une seule fois par garantie ; l'écran en propose`,
    `  ${MAX_RETAINED_GAPS}, les premiers du classement.`,
    "- Un TNS détecté (situation professionnelle, forme juridique et mandat, code NAF ou SIRET sur une fiche",
    "  particulier) compte comme TNS jusqu'à ce que le chargé de clientèle l'écarte avec un motif.",
    "",
    "## Comment les manques sont classés",
    "",
    "1. **La nature du besoin d'abord** : les obligations légales, puis les besoins propres au client (ceux",
    "   qu'une information de sa fiche fait apparaître : statut TNS, activité, enfants, logement, chien ou chat,",
    "   tranche d'imposition, âge), puis les besoins de tous (GAV, protection juridique, épargne retraite).",
    "   Un besoin que seul ce client a ne cède jamais la place à un besoin que tout le monde a : les",
    "   protections de base se vérifient à chaque appel (guide M+3, « vérifier explicitement PJ, GAV,",
    "   retraite, prévoyance »), le besoin propre est ce que seul l'examen de sa situation révèle.",
    "2. **Le poids ensuite**, à nature égale : l'enjeu financier pour le client (perte de revenus, puis de",
    "   patrimoine, puis confort), sur une échelle de 100 (obligation la plus lourde) à 40 ; à poids égal,",
    "   l'ordre du tableau.",
    "",
    "## Règles",
    "",
    "| # | Règle | Nature | Garantie proposée | Condition (en clair) | Pourquoi (phrase au client) | Raison de la règle | Poids |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const rows = ranked(rules).map(
    (rule, i) =>
      `| ${i + 1} | ${cell(rule.title)} | ${NEED_KIND_LABELS[rule.kind]} | ${cell(productLineLabel(rule.productLine))} | ` +
      `${cell(describeRule(rule))} | ${cell(rule.why)} | ${cell(rule.rationale)} | ${rule.weight} |`,
  );
  const facts = [
    "",
    "## Informations utilisées",
    "",
    "| Information | Valeurs possibles |",
    "|---|---|",
    ...FACT_NAMES.map((name) => {
      const def = FACTS[name];
      const values =
        def.kind === "boolean"
          ? "oui / non"
          : def.values
            ? Object.values(def.values).join(", ")
            : def.kind === "number"
              ? `nombre${def.unit ? ` (en${def.unit})` : ""}`
              : "texte";
      return `| ${cell(def.label)} | ${cell(values)} |`;
    }),
    "",
    "Les textes entre accolades dans « Pourquoi » ({age}, {childrenCount}…) sont remplacés par les",
    "informations du client.",
  ];
  return `${[...header, ...rows, ...facts].join("\n")}\n`;
}
