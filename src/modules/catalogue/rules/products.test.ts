import { describe, expect, it } from "vitest";
import { DEPARTEMENTS, isDepartementCode } from "./departements";
import { optionSpellings } from "./parse-text";
import { PRODUCT_GROUPS, PRODUCT_SLUGS, PRODUCTS, productBySlug } from "./products";
import { sampleFieldValues } from "./samples";
import { validateProductFields } from "./validate-fields";

const NOW = new Date("2026-11-21T09:15:00Z");

describe("catalogue contents", () => {
  it("has the 18 products of the spec, in 3 groups, with the exact slugs", () => {
    expect(PRODUCTS).toHaveLength(18);
    expect(PRODUCTS.map((p) => p.slug)).toEqual([...PRODUCT_SLUGS]);
    expect(PRODUCT_GROUPS.map((g) => [g.key, g.label])).toEqual([
      ["credit", "Crédit"],
      ["assurance", "Assurance"],
      ["epargne", "Épargne / Retraite / Patrimoine"],
    ]);
    const count = (g: string) => PRODUCTS.filter((p) => p.group === g).length;
    expect([count("credit"), count("assurance"), count("epargne")]).toEqual([3, 13, 2]);
  });

  it("offers RDV exactly for credit, emprunteur, pro products, obsèques, vie/retraite and défiscalisation", () => {
    const withoutRdv = PRODUCTS.filter((p) => !p.rdvAvailable).map((p) => p.slug);
    expect(withoutRdv.sort()).toEqual(["assurance-animaux", "assurance-auto", "assurance-habitation", "mutuelle-sante"]);
  });

  it("declares the fields of spec section 4, with only the spec's optional ones not required", () => {
    const expected: Record<string, string> = {
      "credit-immobilier": "typeProjet montantProjet apport situationProfessionnelle revenusMensuelsNets delaiProjet",
      "rachat-credits":
        "proprietaire nombreCredits mensualitesActuelles montantRestantDu situationFamiliale situationProfessionnelle revenusMensuels",
      "credit-professionnel": "statut typeActivite montantRecherche usage ancienneteEntreprise?",
      "assurance-emprunteur": "typeDemande dateSignaturePret montantPret age fumeur",
      "mutuelle-sante": "nombrePersonnes ageAssurePrincipal ageConjoint? regime priorite",
      "mutuelle-entreprise": "nombreSalaries secteurActivite conventionCollective? dateMiseEnPlace",
      "prevoyance-tns": "statut activite revenusAnnuels objectif",
      "assurance-auto": "typeVehicule usage bonusMalus dateEcheance",
      "assurance-habitation": "statut typeLogement surface dateEcheance",
      "assurance-animaux": "typeAnimal race age identifie",
      "rc-pro": "activite statutJuridique chiffreAffairesAnnuel dateCreation",
      "multirisque-pro": "activite surfaceLocaux valeurMateriel statut",
      "rc-decennale": "corpsMetier dateCreationEntreprise chiffreAffaires zoneIntervention",
      "dommage-ouvrage": "typeProjet montantTravaux maitreOuvrage dateDemarrageTravaux",
      "multirisque-immeuble": "typeImmeuble nombreLots usage valeurEstimee",
      "assurance-obseques": "ageAssure typeContrat budgetMensuel rappelRapide",
      "assurance-vie-retraite": "objectif montantInvestir versement horizon",
      defiscalisation: "objectif montantImpot capaciteInvestissement horizon",
    };
    const actual = Object.fromEntries(PRODUCTS.map((p) => [p.slug, p.fields.map((f) => `${f.key}${f.required ? "" : "?"}`).join(" ")]));
    expect(actual).toEqual(expected);
  });

  it("maps the spec's listed choices to exactly those options", () => {
    const values = (slug: string, key: string) => {
      const f = productBySlug(slug)?.fields.find((x) => x.key === key);
      return f?.type === "choice" ? f.options.map((o) => o.value) : f?.type === "band" ? f.bands.map((b) => b.value) : [];
    };
    expect(values("credit-immobilier", "typeProjet")).toEqual(["residence-principale", "locatif"]);
    expect(values("credit-immobilier", "delaiProjet")).toEqual(["immediat", "moins-6-mois", "plus-6-mois"]);
    expect(values("credit-professionnel", "usage")).toEqual(["materiel", "tresorerie", "local"]);
    expect(values("mutuelle-sante", "regime")).toEqual(["salarie", "tns", "retraite"]);
    expect(values("mutuelle-sante", "priorite")).toEqual(["optique", "dentaire", "hospitalisation"]);
    expect(values("assurance-obseques", "typeContrat")).toEqual(["capital", "prestations", "ne-sait-pas"]);
    expect(values("assurance-vie-retraite", "horizon")).toEqual(["1-3-ans", "3-8-ans", "plus-8-ans"]);
    expect(values("defiscalisation", "montantImpot")).toContain("ne-sait-pas");
    expect(values("multirisque-immeuble", "usage")).toEqual(["habitation", "mixte"]);
  });

  it("uses the spec's exact options for rachat de crédits", () => {
    const options = (key: string) => {
      const f = productBySlug("rachat-credits")?.fields.find((x) => x.key === key);
      return f?.type === "choice" ? f.options.map((o) => o.label) : [];
    };
    expect(options("situationFamiliale")).toEqual(["Célibataire", "Marié(e)", "Divorcé(e)", "Veuf(ve)", "Union libre"]);
    expect(options("situationProfessionnelle")).toEqual([
      "Fonctionnaire",
      "Profession libérale",
      "Chef d'entreprise",
      "Salarié(e) du privé",
      "Artisan commerçant",
      "Retraité(e)",
      "Sans emploi",
      "Autre",
    ]);
  });

  it("has well-formed field definitions", () => {
    for (const p of PRODUCTS) {
      const keys = p.fields.map((f) => f.key);
      expect(new Set(keys).size, p.slug).toBe(keys.length);
      for (const f of p.fields) {
        expect(f.key, `${p.slug}.${f.key}`).toMatch(/^[a-z][a-zA-Z]+$/);
        if (f.type === "choice") for (const o of f.options) expect(o.value).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        if (f.type === "integer" || f.type === "amount" || f.type === "decimal") {
          expect(f.min, `${p.slug}.${f.key}`).toBeGreaterThanOrEqual(0);
          expect(f.max).toBeGreaterThan(f.min);
        }
        if (f.requiredWhen) {
          const target = p.fields.find((x) => x.key === f.requiredWhen?.field);
          expect(target?.type).toBe("choice");
          if (target?.type === "choice") expect(target.options.map((o) => o.value)).toContain(f.requiredWhen.equals);
        }
      }
    }
  });

  it("never lets two options of a field share a human spelling", () => {
    for (const p of PRODUCTS) {
      for (const f of p.fields) {
        if (f.type !== "choice" && f.type !== "band") continue;
        const owner = new Map<string, string>();
        for (const o of f.type === "choice" ? f.options : f.bands) {
          for (const s of optionSpellings(o)) {
            expect(owner.get(s) ?? o.value, `${p.slug}.${f.key} "${s}"`).toBe(o.value);
            owner.set(s, o.value);
          }
        }
      }
    }
  });

  it("orders bands and makes bounded ones contiguous", () => {
    for (const p of PRODUCTS) {
      for (const f of p.fields) {
        if (f.type !== "band") continue;
        const bounded = f.bands.filter((b) => b.min !== undefined || b.max !== undefined);
        expect(bounded[0]?.min, `${p.slug}.${f.key}`).toBe(0);
        expect(bounded.at(-1)?.max).toBeUndefined();
        for (let i = 1; i < bounded.length; i++) expect(bounded[i]?.min).toBe(bounded[i - 1]?.max);
      }
    }
  });

  it("lists the 101 départements plus Saint-Pierre-et-Miquelon, with Corsica as 2A/2B", () => {
    expect(DEPARTEMENTS).toHaveLength(102);
    expect(isDepartementCode("2A")).toBe(true);
    expect(isDepartementCode("20")).toBe(false);
    expect(isDepartementCode("976")).toBe(true);
    expect(isDepartementCode("977")).toBe(false);
    expect(isDepartementCode("96")).toBe(false);
  });

  it.each(PRODUCTS.map((p) => p.slug))("sample values of %s validate", (slug) => {
    const result = validateProductFields(slug, sampleFieldValues(slug, NOW), NOW);
    expect(result.reasons).toEqual([]);
    expect(result.ok).toBe(true);
    // Samples also cover optional and conditional fields, so every field is exercised.
    const required =
      productBySlug(slug)
        ?.fields.filter((f) => f.required)
        .map((f) => f.key) ?? [];
    for (const key of required) expect(result.values[key]).toBeDefined();
  });

  it("refuses samples for an unknown product", () => {
    expect(() => sampleFieldValues("assurance-yacht", NOW)).toThrow();
  });
});
