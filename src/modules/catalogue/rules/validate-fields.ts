import { z } from "zod";
import { withoutUndefined } from "../../../lib/without-undefined";
import { type RejectionCode, type RejectionReason, reason } from "../../intake/rules/rejection";
import { dateBoundsFor, formatFrenchDate, isIsoDate } from "./dates";
import { isDepartementCode, normalizeDepartementCode } from "./departements";
import { productBySlug } from "./products";
import type { FieldDefinition, ProductDefinition } from "./types";

/**
 * One zod schema per product, generated from the field definitions, so the API, the CSV import and
 * the forms reject exactly the same things. Every problem is reported (one per field), because a
 * supplier fixing a rejected lead wants the full list at once.
 */

type FieldCode = Extract<RejectionCode, "field_missing" | "field_invalid" | "field_out_of_bounds" | "field_invalid_option">;

// Date bounds move with "today", yet schemas are cached: the clock is read at parse time from here.
// Parsing is synchronous, so setting it around one parse cannot leak into another validation.
let evaluationNow: Date | undefined;
const currentNow = (): Date => {
  if (!evaluationNow) throw new Error("date bounds read outside validateProductFields");
  return evaluationNow;
};

const fail = (code: FieldCode, detail?: string) => ({ params: { reason: code, ...(detail ? { detail } : {}) } });

// Blank strings, null and [] are what forms and spreadsheets send for "not answered": treat them as absent.
function blankToUndefined(v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v === "string" && v.trim() === "") return undefined;
  if (Array.isArray(v) && v.length === 0) return undefined;
  return v;
}

function hasAtMostDecimals(v: number, decimals: number): boolean {
  const scaled = v * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

const fr = (n: number) => n.toLocaleString("fr-FR");

function numberSchema(min: number, max: number, decimals: number): z.ZodType<number> {
  // Built from refinements rather than .int(): zod's int check aborts the parse and would hide the
  // other fields' problems from the object-level required check.
  return z
    .number()
    .refine((v) => hasAtMostDecimals(v, decimals), fail("field_invalid"))
    .refine((v) => v >= min && v <= max, fail("field_out_of_bounds"));
}

function baseSchema(field: FieldDefinition): z.ZodType {
  switch (field.type) {
    case "text":
      return z
        .string()
        .trim()
        .refine((v) => v.length <= field.maxLength, fail("field_out_of_bounds"));
    case "integer":
      return numberSchema(field.min, field.max, 0);
    case "decimal":
      return numberSchema(field.min, field.max, field.decimals);
    case "amount":
      return numberSchema(field.min, field.max, 2);
    case "boolean":
      return z.boolean();
    case "choice":
    case "band": {
      const values = new Set((field.type === "choice" ? field.options : field.bands).map((o) => o.value));
      return z.string().refine((v) => values.has(v), fail("field_invalid_option"));
    }
    case "date":
      return z
        .string()
        .refine(isIsoDate, fail("field_invalid"))
        .superRefine((v, ctx) => {
          if (!isIsoDate(v)) return;
          const { min, max } = dateBoundsFor(field.bounds, currentNow());
          if ((min && v < min) || (max && v > max)) {
            const range = [min && `après le ${formatFrenchDate(min)}`, max && `avant le ${formatFrenchDate(max)}`];
            ctx.addIssue({ code: "custom", message: "out of bounds", ...fail("field_out_of_bounds", range.filter(Boolean).join(" et ")) });
          }
        });
    case "departements":
      return z
        .array(z.unknown())
        .superRefine((list, ctx) => {
          if (!list.every((c) => typeof c === "string" || (typeof c === "number" && Number.isInteger(c)))) {
            ctx.addIssue({ code: "custom", message: "invalid", ...fail("field_invalid") });
            return;
          }
          const unknown = list.map((c) => normalizeDepartementCode(c as string | number)).filter((c) => !isDepartementCode(c));
          if (unknown.length > 0) {
            ctx.addIssue({
              code: "custom",
              message: "unknown",
              ...fail("field_invalid_option", `code(s) inconnu(s) : ${unknown.join(", ")}`),
            });
          }
        })
        .transform((list) => [...new Set(list.map((c) => normalizeDepartementCode(c as string | number)))]);
  }
}

function fieldSchema(field: FieldDefinition): z.ZodType {
  return z.preprocess(blankToUndefined, baseSchema(field).optional());
}

export function isFieldRequired(field: FieldDefinition, values: Record<string, unknown>): boolean {
  if (field.required) return true;
  return field.requiredWhen !== undefined && values[field.requiredWhen.field] === field.requiredWhen.equals;
}

interface CompiledProduct {
  schema: z.ZodType<Record<string, unknown>>;
  fields: Map<string, { def: FieldDefinition; schema: z.ZodType }>;
}

const compiled = new Map<string, CompiledProduct>();

function compile(product: ProductDefinition): CompiledProduct {
  const fields = new Map(product.fields.map((def) => [def.key, { def, schema: fieldSchema(def) }]));
  const shape = Object.fromEntries([...fields].map(([key, f]) => [key, f.schema]));
  const schema = z.object(shape).superRefine(
    (values, ctx) => {
      for (const def of product.fields) {
        if (values[def.key] === undefined && isFieldRequired(def, values)) {
          ctx.addIssue({ code: "custom", path: [def.key], message: "missing", ...fail("field_missing") });
        }
      }
    },
    // Run even when some fields are invalid, so missing ones are reported in the same pass.
    { when: () => true },
  ) as unknown as z.ZodType<Record<string, unknown>>;
  return { schema, fields };
}

function compiledFor(slug: string): CompiledProduct | undefined {
  const cached = compiled.get(slug);
  if (cached) return cached;
  const product = productBySlug(slug);
  if (!product) return undefined;
  const c = compile(product);
  compiled.set(slug, c);
  return c;
}

function describeExpected(field: FieldDefinition): string {
  switch (field.type) {
    case "text":
      return "texte attendu";
    case "integer":
      return "nombre entier attendu";
    case "decimal":
      return `nombre attendu, ${field.decimals} décimales au plus`;
    case "amount":
      return "montant en euros attendu, 2 décimales au plus";
    case "boolean":
      return "true ou false attendu";
    case "date":
      return "date au format AAAA-MM-JJ attendue";
    case "departements":
      return "liste de codes départements attendue";
    case "choice":
    case "band":
      return "texte attendu";
  }
}

function describeBounds(field: FieldDefinition): string {
  switch (field.type) {
    case "text":
      return `${field.maxLength} caractères au plus`;
    case "integer":
    case "decimal":
      return `entre ${fr(field.min)} et ${fr(field.max)}${field.unit ? ` ${field.unit}` : ""}`;
    case "amount":
      return `entre ${fr(field.min)} € et ${fr(field.max)} €`;
    default:
      return "";
  }
}

function describeOptions(field: FieldDefinition): string {
  if (field.type === "choice") return `valeurs acceptées : ${field.options.map((o) => o.value).join(", ")}`;
  if (field.type === "band") return `valeurs acceptées : ${field.bands.map((b) => b.value).join(", ")}`;
  return "";
}

function toReason(field: FieldDefinition, code: FieldCode, detail?: string): RejectionReason {
  const explain =
    detail ??
    (code === "field_invalid"
      ? describeExpected(field)
      : code === "field_out_of_bounds"
        ? describeBounds(field)
        : code === "field_invalid_option"
          ? describeOptions(field)
          : "");
  return reason(code, `fields.${field.key}`, explain ? `${field.label} — ${explain}` : field.label);
}

function codeOf(issue: z.core.$ZodIssue): { code: FieldCode; detail?: string } {
  if (issue.code === "custom") {
    const params = (issue as { params?: { reason?: FieldCode; detail?: string } }).params;
    return { code: params?.reason ?? "field_invalid", detail: params?.detail };
  }
  if (issue.code === "too_small" || issue.code === "too_big") return { code: "field_out_of_bounds" };
  if (issue.code === "invalid_value") return { code: "field_invalid_option" };
  return { code: "field_invalid" };
}

export interface FieldsValidation {
  ok: boolean;
  /** The normalized valid values (unknown keys dropped; on failure, only the fields that passed). */
  values: Record<string, unknown>;
  reasons: RejectionReason[];
}

export function validateProductFields(slug: string, fields: Record<string, unknown>, now: Date): FieldsValidation {
  const c = compiledFor(slug);
  if (!c) return { ok: false, values: {}, reasons: [reason("product_unknown", "product", slug)] };
  const input = fields !== null && typeof fields === "object" && !Array.isArray(fields) ? fields : {};

  evaluationNow = now;
  try {
    const result = c.schema.safeParse(input);
    if (result.success) {
      return { ok: true, values: withoutUndefined(result.data), reasons: [] };
    }
    const byField = new Map<string, RejectionReason>();
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      const entry = c.fields.get(key);
      // One reason per field: the first issue is the most fundamental one (type before bounds).
      if (!entry || byField.has(key)) continue;
      const { code, detail } = codeOf(issue);
      byField.set(key, toReason(entry.def, code, detail));
    }
    const values: Record<string, unknown> = {};
    for (const [key, entry] of c.fields) {
      if (byField.has(key)) continue;
      const parsed = entry.schema.safeParse(input[key]);
      if (parsed.success && parsed.data !== undefined) values[key] = parsed.data;
    }
    // Keep the catalogue's field order so messages read like the form.
    const reasons = [...c.fields.keys()].flatMap((k) => byField.get(k) ?? []);
    return { ok: false, values, reasons };
  } finally {
    evaluationNow = undefined;
  }
}
