import type { ProductDefinition } from "../../catalogue/rules";
import { parseFieldText } from "../../catalogue/rules";

/** A form post as parsed: every name to its value, or its values when repeated (the slots). */
export type FormBody = Record<string, string | string[]>;

export const one = (body: FormBody, name: string): string | undefined => {
  const v = body[name];
  return Array.isArray(v) ? v[0] : v;
};
export const all = (body: FormBody, name: string): string[] => {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/**
 * The product fields of a form post, read as a human typed them (the CSV import's reading: "12 000",
 * "oui", dd/mm/yyyy). A value that does not parse is passed on as typed, for intake to name it.
 */
export function readProductFields(product: ProductDefinition, body: FormBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of product.fields) {
    const raw = one(body, `fields.${field.key}`)?.trim();
    if (!raw) continue;
    const parsed = parseFieldText(field, raw);
    out[field.key] = parsed.ok ? parsed.value : raw;
  }
  return out;
}
