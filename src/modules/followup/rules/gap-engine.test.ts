import { describe, expect, it } from "vitest";
import { isProductLine } from "../../crm/rules/product-lines";
import {
  type ClientProfileFacts,
  evaluateCondition,
  evaluateGaps,
  profileFactsFromClient,
  renderWhy,
  resolveFacts,
  topGaps,
} from "./gap-engine";
import { type Condition, FACTS, type FactName, GAP_RULES } from "./gap-rules";

const particulier: ClientProfileFacts = { clientType: "particulier", isTns: false };
const pro: ClientProfileFacts = { clientType: "professionnel", isTns: false };
const entreprise: ClientProfileFacts = { clientType: "entreprise", isTns: false };

function fired(facts: ClientProfileFacts): string[] {
  return evaluateGaps(facts).map((m) => m.ruleId);
}

/** [rule, a profile it must fire on, near misses it must not fire on] */
const RULE_CASES: [string, ClientProfileFacts, ClientProfileFacts[]][] = [
  [
    "btp_sans_decennale",
    { ...pro, nafCode: "43.21A" },
    [
      { ...pro, nafCode: "47.11A" },
      { ...particulier, nafCode: "43.21A" },
      { ...pro },
      { ...pro, nafCode: "43.21A", linesElsewhere: ["rc_decennale"] },
    ],
  ],
  [
    "locataire_sans_mrh",
    { ...particulier, housing: "locataire" },
    [
      { ...particulier, housing: "heberge" },
      { ...particulier, housing: "locataire", linesHere: ["habitation"] },
    ],
  ],
  [
    "vehicule_sans_auto",
    { ...particulier, vehicleCount: 1 },
    [{ ...particulier, vehicleCount: 0 }, { ...particulier }, { ...entreprise, vehicleCount: 4, linesHere: ["flotte_automobile"] }],
  ],
  [
    "entreprise_sans_collective",
    { ...entreprise, headcount: 5 },
    [
      { ...entreprise, headcount: 0 },
      { ...pro, headcount: 0 },
      { ...pro },
      { ...particulier, headcount: 3 },
      { ...entreprise, headcount: 5, linesElsewhere: ["sante_prevoyance_collective"] },
    ],
  ],
  [
    "tns_sans_prevoyance",
    { ...particulier, isTns: true },
    [
      { ...particulier, professionalStatus: "salarie_prive" },
      { ...pro, isTns: true, linesHere: ["prevoyance"] },
    ],
  ],
  [
    "dirigeant_tns_sans_prevoyance",
    { ...entreprise, legalForm: "sarl", managerRole: "gerant_majoritaire" },
    [
      { ...entreprise, legalForm: "sas", managerRole: "president_dg" },
      { ...entreprise, legalForm: "sarl", managerRole: "gerant_minoritaire" },
      { ...entreprise, legalForm: "sarl" },
      { ...entreprise, legalForm: "eurl", linesHere: ["prevoyance"] },
    ],
  ],
  [
    "pro_sans_rc_pro",
    { ...pro },
    [
      { ...particulier },
      { ...pro, linesElsewhere: ["multirisque_pro"] },
      { ...pro, nafCode: "56.10A", linesHere: ["multirisque_pro"] },
      { ...pro, linesHere: ["rc_pro"] },
    ],
  ],
  ["tns_sans_sante", { ...particulier, isTns: true }, [{ ...pro }, { ...particulier, isTns: true, linesElsewhere: ["sante"] }]],
  [
    "pro_sans_multirisque",
    { ...pro, nafCode: "47.76Z" },
    [{ ...pro }, { ...pro, nafCode: "62.01Z" }, { ...particulier, nafCode: "47.76Z" }, { ...entreprise, linesHere: ["multirisque_pro"] }],
  ],
  [
    "proprietaire_sans_mrh",
    { ...particulier, housing: "proprietaire" },
    [
      { ...particulier, housing: "locataire" },
      { ...particulier, housing: "proprietaire", linesElsewhere: ["habitation"] },
    ],
  ],
  [
    "famille_sans_prevoyance",
    { ...particulier, childrenCount: 2 },
    [{ ...particulier, childrenCount: 0 }, { ...particulier }, { ...particulier, childrenCount: 2, linesHere: ["prevoyance"] }],
  ],
  ["gav_absente", { ...pro }, [{ ...entreprise }, { ...particulier, linesElsewhere: ["gav"] }]],
  [
    "retraite_sans_per",
    { ...particulier, age: 30, professionalStatus: "salarie_prive" },
    [
      { ...particulier, age: 29, professionalStatus: "salarie_prive" },
      { ...particulier, age: 63, professionalStatus: "fonctionnaire" },
      { ...particulier, age: 45, professionalStatus: "sans_emploi" },
      { ...particulier, age: 45 },
      { ...particulier, age: 45, professionalStatus: "salarie_prive", linesHere: ["per"] },
    ],
  ],
  ["pj_absente", { ...entreprise }, [{ ...particulier, linesElsewhere: ["protection_juridique"] }]],
  [
    "tmi_sans_per",
    { ...particulier, incomeTaxRate: 30 },
    [{ ...particulier, incomeTaxRate: 11 }, { ...particulier }, { ...particulier, incomeTaxRate: 45, linesHere: ["per"] }],
  ],
  [
    "forte_imposition",
    { ...particulier, incomeTaxRate: 41 },
    [{ ...particulier, incomeTaxRate: 30 }, { ...particulier }, { ...particulier, incomeTaxRate: 45, linesHere: ["defiscalisation"] }],
  ],
  [
    "senior_sans_obseques",
    { ...particulier, age: 55 },
    [
      { ...particulier, age: 54 },
      { ...particulier, age: 70, linesHere: ["obseques"] },
    ],
  ],
  [
    "chiens_chats_sans_assurance",
    { ...particulier, petSpecies: ["chat"] },
    [{ ...particulier, petSpecies: [] }, { ...particulier, petSpecies: ["autre"] }, { ...particulier }],
  ],
];

describe("gap rules, one by one", () => {
  it("covers every rule of the table", () => {
    expect(RULE_CASES.map(([id]) => id).sort()).toEqual(GAP_RULES.map((r) => r.id).sort());
  });

  it.each(RULE_CASES)("%s fires on its case and not on near misses", (id, facts, nearMisses) => {
    expect(fired(facts)).toContain(id);
    for (const miss of nearMisses) expect(fired(miss), JSON.stringify(miss)).not.toContain(id);
  });

  it("fires the 30-62 rule on the upper bound and for a TNS without a stated status", () => {
    expect(fired({ ...particulier, age: 62, professionalStatus: "chef_entreprise" })).toContain("retraite_sans_per");
    expect(fired({ ...particulier, isTns: true, age: 40 })).toContain("retraite_sans_per");
  });

  it("fires the collective-cover rule for an entreprise whose headcount is unknown, and for a pro who employs", () => {
    expect(fired(entreprise)).toContain("entreprise_sans_collective");
    expect(fired({ ...pro, isTns: true, headcount: 2 })).toContain("entreprise_sans_collective");
  });

  it("proposes RC pro beside a multirisque for service, IT, consulting and trade activities (issue 9)", () => {
    // A multirisque covers premises, equipment and operating losses, not the liability for the service or advice.
    for (const nafCode of ["62.01Z", "70.22Z", "47.76Z", "43.99C", "86.21Z", "69.20Z"]) {
      const company = { ...entreprise, nafCode, linesHere: ["multirisque_pro" as const] };
      expect(fired(company), nafCode).toContain("pro_sans_rc_pro");
      expect(
        topGaps(company).map((g) => g.productLine),
        nafCode,
      ).toContain("rc_pro");
    }
    // A restaurant or a factory: its multirisque's RC exploitation is the cover it needs.
    for (const nafCode of ["56.10A", "10.71C"])
      expect(fired({ ...pro, nafCode, linesHere: ["multirisque_pro"] })).not.toContain("pro_sans_rc_pro");
  });

  it("treats the manager of a SARL as TNS only when he is the majority gérant", () => {
    const facts = (legalForm: ClientProfileFacts["legalForm"], managerRole: ClientProfileFacts["managerRole"]) =>
      resolveFacts({ ...entreprise, legalForm, managerRole }).managerIsTns;
    expect(facts("sarl", "gerant_majoritaire")).toBe(true);
    expect(facts("sarl", "gerant_minoritaire")).toBe(false);
    expect(facts("sas", "president_dg")).toBe(false);
    expect(facts("sasu", null)).toBe(false);
    expect(facts("eurl", null)).toBe(true);
    expect(facts("ei", null)).toBe(true);
    expect(facts("sarl", null)).toBeUndefined();
  });
});

describe("specific needs are not crowded out by generic ones (issue 9)", () => {
  const active40: ClientProfileFacts = { ...particulier, age: 40, professionalStatus: "salarie_prive" };

  it("keeps the dog-and-cat insurance of a household with a dog in the top 3, ahead of GAV, PER and PJ", () => {
    const top = topGaps({ ...active40, petSpecies: ["chien"] });
    expect(top.map((g) => g.ruleId)).toEqual(["chiens_chats_sans_assurance", "gav_absente", "retraite_sans_per"]);
  });

  it("keeps the tax band's PER and défiscalisation in the top 3 of a household at 41 %", () => {
    const top = topGaps({ ...active40, incomeTaxRate: 41 });
    expect(top.map((g) => g.ruleId)).toEqual(["tmi_sans_per", "forte_imposition", "gav_absente"]);
    expect(top[0]?.why).toContain("tranche marginale d'imposition de 41 %");
  });

  it("never ranks a generic need above a specific one, nor a specific one above an obligation, on any profile of a grid", () => {
    const rank = { obligation: 0, specific: 1, generic: 2 };
    let profiles = 0;
    for (const clientType of ["particulier", "professionnel", "entreprise"] as const)
      for (const isTns of [false, true])
        for (const housing of [null, "locataire", "proprietaire"] as const)
          for (const petSpecies of [null, [], ["chien"], ["autre"]] as const)
            for (const incomeTaxRate of [null, 11, 30, 45])
              for (const age of [null, 35, 60])
                for (const nafCode of [null, "43.99C", "62.01Z", "56.10A"]) {
                  const matches = evaluateGaps({
                    clientType,
                    isTns,
                    housing,
                    petSpecies,
                    incomeTaxRate,
                    age,
                    nafCode,
                    childrenCount: age === 35 ? 2 : 0,
                    professionalStatus: "salarie_prive",
                  });
                  profiles++;
                  const ranks = matches.map((m) => rank[m.kind]);
                  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
                }
    expect(profiles).toBe(3 * 2 * 3 * 4 * 4 * 3 * 4);
  });
});

describe("rules as data", () => {
  const factsIn = (c: Condition): FactName[] => {
    if ("all" in c) return c.all.flatMap(factsIn);
    if ("any" in c) return c.any.flatMap(factsIn);
    if ("not" in c) return factsIn(c.not);
    if ("has" in c) return [];
    return [c.fact];
  };

  it("have unique ids, known product lines, French text and positive weights", () => {
    expect(new Set(GAP_RULES.map((r) => r.id)).size).toBe(GAP_RULES.length);
    for (const rule of GAP_RULES) {
      expect(isProductLine(rule.productLine)).toBe(true);
      for (const line of rule.alsoSatisfiedBy ?? []) expect(isProductLine(line)).toBe(true);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.why).toMatch(/[.!?]$/);
      expect(rule.weight).toBeGreaterThan(0);
      for (const fact of factsIn(rule.when)) expect(FACTS).toHaveProperty(fact);
    }
  });

  it("only use placeholders for facts their own condition tests, so the sentence is always complete", () => {
    for (const rule of GAP_RULES) {
      const placeholders = [...rule.why.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of placeholders) expect(factsIn(rule.when), `${rule.id}: {${name}}`).toContain(name);
    }
  });
});

describe("engine", () => {
  it("ranks by kind then weight, ties in rule order, and renders the why", () => {
    const matches = evaluateGaps({ ...particulier, housing: "proprietaire", childrenCount: 2, age: 58, isTns: true });
    const specific = matches.filter((m) => m.kind === "specific").map((m) => m.weight);
    expect(specific).toEqual([...specific].sort((a, b) => b - a));
    // pro_sans_rc_pro and proprietaire_sans_mrh share weight 80: file order wins.
    const ids = matches.map((m) => m.ruleId);
    expect(ids.indexOf("pro_sans_rc_pro")).toBeLessThan(ids.indexOf("proprietaire_sans_mrh"));
    const famille = matches.find((m) => m.ruleId === "famille_sans_prevoyance");
    expect(famille?.why).toContain("Avec 2 enfant(s) à charge");
    expect(matches.find((m) => m.ruleId === "senior_sans_obseques")?.why).toContain("À 58 ans");
    expect(famille?.productLabel).toBe("Prévoyance");
  });

  it("topGaps keeps the heaviest, one per product line, at most 3 by default", () => {
    const facts: ClientProfileFacts = { ...particulier, isTns: true, childrenCount: 2, housing: "locataire", age: 40 };
    const top = topGaps(facts);
    expect(top.map((g) => g.ruleId)).toEqual(["locataire_sans_mrh", "tns_sans_prevoyance", "pro_sans_rc_pro"]);
    expect(top.map((g) => g.kind)).toEqual(["obligation", "specific", "specific"]);
    expect(topGaps(facts, 10).filter((g) => g.productLine === "prevoyance")).toHaveLength(1);
    expect(topGaps(facts, 1)).toHaveLength(1);
  });

  it("proposes nothing for lines held here or elsewhere", () => {
    const all = GAP_RULES.flatMap((r) => [r.productLine]);
    expect(evaluateGaps({ ...pro, isTns: true, age: 60, petSpecies: ["chien"], incomeTaxRate: 45, linesElsewhere: all })).toEqual([]);
  });

  it("derives NAF section, construction trade, pro and activity facts", () => {
    expect(resolveFacts({ ...pro, nafCode: "4120A" })).toMatchObject({ nafSection: "F", isConstructionTrade: true, isPro: true });
    expect(resolveFacts({ ...particulier, professionalStatus: "retraite" })).toMatchObject({ isActive: false, isPro: false });
    expect(resolveFacts(particulier)).not.toHaveProperty("isActive");
    expect(resolveFacts({ ...particulier, nafSection: "F", isConstructionTrade: false }).isConstructionTrade).toBe(false);
  });

  it("evaluates the condition language; comparisons on unknown facts are false", () => {
    const facts = resolveFacts({ ...particulier, age: 40, housing: "locataire" });
    const held = new Set(["auto"] as const);
    const check = (c: Condition) => evaluateCondition(c, facts, held);
    expect(check({ fact: "age", gt: 39, lt: 41 })).toBe(true);
    expect(check({ fact: "housing", in: ["locataire", "heberge"] })).toBe(true);
    expect(check({ fact: "housing", ne: "locataire" })).toBe(false);
    expect(check({ fact: "childrenCount", gte: 0 })).toBe(false);
    expect(check({ fact: "childrenCount", ne: 3 })).toBe(false);
    expect(check({ not: { fact: "childrenCount", eq: 0 } })).toBe(true);
    expect(check({ fact: "housing", gte: 1 })).toBe(false);
    expect(check({ has: ["moto", "auto"] })).toBe(true);
    expect(check({ not: { has: "moto" } })).toBe(true);
    expect(check({ any: [{ has: "moto" }, { fact: "age", eq: 40 }] })).toBe(true);
    expect(check({ all: [{ has: "moto" }, { fact: "age", eq: 40 }] })).toBe(false);
    expect(check({ all: [] })).toBe(true);
    expect(check({ any: [] })).toBe(false);
  });

  it("leaves an unknown placeholder visible instead of dropping it", () => {
    expect(renderWhy("À {age}, {nope} {childrenCount}", { age: 40 })).toBe("À 40 ans, {nope} {childrenCount}");
    expect(renderWhy("tranche de {incomeTaxRate}", { incomeTaxRate: 30 })).toBe("tranche de 30 %");
    expect(renderWhy("{housing} / {isTns}", { housing: "proprietaire", isTns: true })).toBe("Propriétaire / oui");
  });

  it("builds facts from the CRM record", () => {
    const facts = profileFactsFromClient(
      { type: "particulier", isTns: false, birthDate: "1970-06-15", housing: "proprietaire", childrenCount: 1 },
      { now: new Date("2026-03-01T00:00:00Z"), linesHere: ["auto"] },
    );
    expect(facts).toMatchObject({ age: 55, housing: "proprietaire", linesHere: ["auto"], linesElsewhere: [] });
    expect(topGaps(facts).map((g) => g.ruleId)).toEqual(["proprietaire_sans_mrh", "famille_sans_prevoyance", "senior_sans_obseques"]);
  });

  it("uses the status the call works with (a detected TNS) rather than the record's flag", () => {
    const mason = { type: "particulier" as const, isTns: false, nafCode: "43.99C", activity: "Maçon" };
    const asRecorded = topGaps(profileFactsFromClient(mason, { now: new Date("2026-03-01T00:00:00Z") }));
    expect(asRecorded.map((g) => g.productLine)).not.toContain("rc_decennale");
    const detected = topGaps(profileFactsFromClient(mason, { now: new Date("2026-03-01T00:00:00Z"), isTns: true }));
    expect(detected.map((g) => g.productLine)).toEqual(["rc_decennale", "prevoyance", "rc_pro"]);
  });
});
