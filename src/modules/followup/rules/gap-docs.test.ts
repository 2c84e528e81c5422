import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeCondition, describeRule, renderRulesAsMarkdown, renderRulesAsText } from "./gap-docs";
import { GAP_RULES } from "./gap-rules";

const DOC_PATH = fileURLToPath(new URL("../../../../docs/followup-rules.md", import.meta.url));

describe("rules documentation", () => {
  it("docs/followup-rules.md is exactly what the rules generate", () => {
    const expected = renderRulesAsMarkdown();
    // Regenerate on purpose after editing gap-rules.ts; never silently in CI.
    if (process.env.UPDATE_FOLLOWUP_DOCS === "1") writeFileSync(DOC_PATH, expected);
    expect(readFileSync(DOC_PATH, "utf8")).toBe(expected);
  });

  it("lists every rule once, heaviest first, in plain French", () => {
    const md = renderRulesAsMarkdown();
    for (const rule of GAP_RULES) expect(md.split(rule.title).length - 1).toBe(1);
    const text = renderRulesAsText();
    expect(text.startsWith("1. Métier du bâtiment sans RC décennale — RC décennale (obligation légale, poids 100")).toBe(true);
    expect(text).toContain("Pourquoi : En tant que locataire");
    expect(text).toContain("Raison de la règle : La multirisque professionnelle assure les locaux");
    for (const rule of GAP_RULES) expect(rule.rationale.length, rule.id).toBeGreaterThan(30);
    expect(text).not.toMatch(/undefined|\[object/);
  });

  it("phrases conditions the way a broker would read them", () => {
    expect(describeCondition({ all: [] })).toBe("tous les clients");
    expect(describeCondition({ fact: "age", gte: 30, lte: 62 })).toBe("âge : entre 30 et 62 ans");
    expect(describeCondition({ fact: "age", gte: 55 })).toBe("âge : 55 ans ou plus");
    expect(describeCondition({ fact: "housing", eq: "locataire" })).toBe("logement : Locataire");
    expect(describeCondition({ fact: "clientType", in: ["particulier", "professionnel"] })).toBe(
      "type de client : Particulier ou Professionnel",
    );
    expect(describeCondition({ fact: "isTns", eq: false })).toBe("non (client TNS / indépendant (fiche, ou TNS détecté et non écarté))");
    expect(describeCondition({ not: { fact: "headcount", eq: 0 } })).toBe("effectif salarié : autre que 0 (ou inconnu)");
    expect(describeCondition({ not: { has: ["auto", "moto"] } })).toBe(
      "ne détient pas (ni chez nous ni ailleurs) : Auto ni Moto / deux-roues",
    );
    expect(describeCondition({ all: [{ fact: "dogOrCat", eq: true }, { any: [{ has: "auto" }, { fact: "age", lt: 30 }] }] })).toBe(
      "a un chien ou un chat et (détient (chez nous ou ailleurs) : Auto ou âge : moins de 30 ans)",
    );
    expect(describeCondition({ fact: "incomeTaxRate", gte: 30 })).toBe("tranche marginale d'imposition : 30 % ou plus");
    const collective = GAP_RULES.find((r) => r.id === "entreprise_sans_collective");
    expect(collective && describeRule(collective)).toBe(
      "(type de client : Entreprise et effectif salarié : autre que 0 (ou inconnu)) ou " +
        "(client professionnel (pro, entreprise ou TNS) et effectif salarié : 1 ou plus) ; " +
        "et ne détient pas déjà (ni chez nous ni ailleurs) : Mutuelle / prévoyance collective",
    );
  });
});
