import { describe, expect, it } from "vitest";
import { type CatalogueField, catalogueForApi, catalogueResponseSchema } from "./catalogue-json";
import { validateProductFields } from "./validate-fields";

const NOW = new Date("2026-11-21T09:15:00Z");

describe("catalogueForApi", () => {
  const catalogue = catalogueForApi(NOW);
  const products = catalogue.groups.flatMap((g) => g.products);

  it("matches its published schema and survives JSON", () => {
    expect(catalogueResponseSchema.parse(JSON.parse(JSON.stringify(catalogue)))).toEqual(catalogue);
  });

  it("lists 3 groups and 18 products", () => {
    expect(catalogue.groups.map((g) => [g.key, g.products.length])).toEqual([
      ["credit", 3],
      ["assurance", 13],
      ["epargne", 2],
    ]);
    expect(products).toHaveLength(18);
  });

  it("describes each field enough to build it", () => {
    const field = (slug: string, key: string): CatalogueField | undefined =>
      products.find((p) => p.slug === slug)?.fields.find((f) => f.key === key);
    expect(field("credit-immobilier", "montantProjet")).toMatchObject({ jsonType: "number", min: 10_000, unit: "€", decimals: 2 });
    expect(field("credit-professionnel", "ancienneteEntreprise")).toMatchObject({
      required: false,
      requiredWhen: { field: "statut", equals: "existante" },
    });
    expect(field("assurance-obseques", "budgetMensuel")?.bands?.[0]).toEqual({
      value: "moins-20",
      label: "Moins de 20 € / mois",
      min: 0,
      max: 20,
    });
    expect(field("rc-decennale", "zoneIntervention")).toMatchObject({ jsonType: "string[]" });
    expect(field("rc-decennale", "zoneIntervention")?.options).toHaveLength(102);
    expect(field("assurance-auto", "dateEcheance")).toMatchObject({ minDate: "2026-10-21", maxDate: "2027-11-22" });
    expect(field("rc-pro", "activite")).toMatchObject({ jsonType: "string", maxLength: 200 });
  });

  it("lets an integrator build a valid lead from the catalogue alone", () => {
    for (const p of products) {
      const fields = Object.fromEntries(p.fields.filter((f) => f.example !== undefined).map((f) => [f.key, f.example]));
      expect(validateProductFields(p.slug, fields, NOW).reasons, p.slug).toEqual([]);
      // The first option / tranche / bound of each field is valid too.
      const minimal = Object.fromEntries(
        p.fields.map((f) => [
          f.key,
          f.options?.[0]?.value !== undefined && f.jsonType === "string[]"
            ? [f.options[0].value]
            : (f.options?.[0]?.value ?? f.bands?.[0]?.value ?? f.minDate ?? f.min ?? f.example),
        ]),
      );
      expect(validateProductFields(p.slug, minimal, NOW).reasons, p.slug).toEqual([]);
    }
  });
});
