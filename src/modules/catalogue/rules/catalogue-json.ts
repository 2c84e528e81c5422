import { z } from "zod";
import { dateBoundsFor } from "./dates";
import { DEPARTEMENTS } from "./departements";
import { PRODUCT_GROUPS, PRODUCTS } from "./products";
import { sampleFieldValues } from "./samples";
import type { FieldDefinition, FieldType } from "./types";

/**
 * The public catalogue (GET /api/v1/catalogue): everything an integrator needs to build a valid lead
 * without reading our code — JSON type, options, bounds, conditions and an example per field.
 */

const FIELD_TYPES = [
  "choice",
  "integer",
  "decimal",
  "amount",
  "date",
  "boolean",
  "departements",
  "band",
  "text",
] as const satisfies readonly FieldType[];

const optionSchema = z.object({ value: z.string(), label: z.string() });

export const catalogueFieldSchema = z.object({
  key: z.string().describe("Clé à utiliser dans l'objet `fields` du lead (et nom de colonne CSV)"),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  jsonType: z.enum(["string", "number", "integer", "boolean", "string[]"]).describe("Type JSON attendu dans `fields`"),
  required: z.boolean().describe("Obligatoire dans tous les cas"),
  requiredWhen: z
    .object({ field: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) })
    .optional()
    .describe("Obligatoire seulement si le champ `field` vaut `equals`"),
  help: z.string().optional(),
  options: z.array(optionSchema).optional().describe("Valeurs autorisées (envoyer `value`)"),
  bands: z
    .array(optionSchema.extend({ min: z.number().optional(), max: z.number().optional() }))
    .optional()
    .describe("Tranches ordonnées (envoyer `value`) ; min inclus, max exclu"),
  min: z.number().optional(),
  max: z.number().optional(),
  decimals: z.number().int().optional().describe("Nombre maximal de décimales"),
  unit: z.string().optional(),
  maxLength: z.number().int().optional(),
  minDate: z.string().optional().describe("Date minimale acceptée aujourd'hui (AAAA-MM-JJ)"),
  maxDate: z.string().optional().describe("Date maximale acceptée aujourd'hui (AAAA-MM-JJ)"),
  example: z.unknown().optional().describe("Exemple de valeur valide"),
});

export const catalogueProductSchema = z.object({
  slug: z.string().describe("Valeur du champ `product` du lead"),
  label: z.string(),
  rdvAvailable: z.boolean().describe("Vendable aussi en rendez-vous qualifié"),
  fields: z.array(catalogueFieldSchema),
});

export const catalogueResponseSchema = z.object({
  groups: z.array(
    z.object({
      key: z.enum(["credit", "assurance", "epargne"]),
      label: z.string(),
      products: z.array(catalogueProductSchema),
    }),
  ),
});

export type CatalogueResponse = z.infer<typeof catalogueResponseSchema>;
export type CatalogueField = z.infer<typeof catalogueFieldSchema>;

const JSON_TYPE: Record<FieldType, CatalogueField["jsonType"]> = {
  choice: "string",
  integer: "integer",
  decimal: "number",
  amount: "number",
  date: "string",
  boolean: "boolean",
  departements: "string[]",
  band: "string",
  text: "string",
};

const DEPARTEMENT_OPTIONS = DEPARTEMENTS.map((d) => ({ value: d.code, label: d.name }));

function fieldForApi(field: FieldDefinition, example: unknown, now: Date): CatalogueField {
  const out: CatalogueField = {
    key: field.key,
    label: field.label,
    type: field.type,
    jsonType: JSON_TYPE[field.type],
    required: field.required,
    ...(field.requiredWhen ? { requiredWhen: { ...field.requiredWhen } } : {}),
    ...(field.help ? { help: field.help } : {}),
  };
  switch (field.type) {
    case "choice":
      out.options = field.options.map((o) => ({ value: o.value, label: o.label }));
      break;
    case "band":
      out.bands = field.bands.map((b) => ({
        value: b.value,
        label: b.label,
        ...(b.min !== undefined ? { min: b.min } : {}),
        ...(b.max !== undefined ? { max: b.max } : {}),
      }));
      out.unit = field.unit;
      break;
    case "departements":
      out.options = DEPARTEMENT_OPTIONS;
      break;
    case "integer":
      Object.assign(out, { min: field.min, max: field.max, decimals: 0 }, field.unit ? { unit: field.unit } : {});
      break;
    case "decimal":
      Object.assign(out, { min: field.min, max: field.max, decimals: field.decimals }, field.unit ? { unit: field.unit } : {});
      break;
    case "amount":
      Object.assign(out, { min: field.min, max: field.max, decimals: 2, unit: "€" });
      break;
    case "text":
      out.maxLength = field.maxLength;
      break;
    case "date": {
      const { min, max } = dateBoundsFor(field.bounds, now);
      if (min) out.minDate = min;
      if (max) out.maxDate = max;
      break;
    }
    case "boolean":
      break;
  }
  if (example !== undefined) out.example = example;
  return out;
}

export function catalogueForApi(now: Date): CatalogueResponse {
  return {
    groups: PRODUCT_GROUPS.map((g) => ({
      key: g.key,
      label: g.label,
      products: PRODUCTS.filter((p) => p.group === g.key).map((p) => {
        const samples = sampleFieldValues(p.slug, now);
        return {
          slug: p.slug,
          label: p.label,
          rdvAvailable: p.rdvAvailable,
          fields: p.fields.map((f) => fieldForApi(f, samples[f.key], now)),
        };
      }),
    })),
  };
}
