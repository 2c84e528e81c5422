/**
 * Product fields are declared as data so that one definition drives the API validation,
 * the CSV import, the web forms and the public catalogue endpoint: they cannot drift apart.
 */

export type FieldType = "choice" | "integer" | "decimal" | "amount" | "date" | "boolean" | "departements" | "band" | "text";

export type ProductGroupKey = "credit" | "assurance" | "epargne";

export interface RequiredWhen {
  field: string;
  equals: string | number | boolean;
}

interface FieldBase {
  /** camelCase key, used in the API `fields` object and as the CSV column name. */
  key: string;
  label: string;
  /** Always required. For a conditional field, leave false and set `requiredWhen`. */
  required: boolean;
  requiredWhen?: RequiredWhen;
  help?: string;
}

export interface ChoiceOption {
  /** ASCII slug sent by API clients. */
  value: string;
  label: string;
  /** Other spellings accepted from humans (CSV, forms), never needed by API clients. */
  aliases?: readonly string[];
}

export interface ChoiceField extends FieldBase {
  type: "choice";
  options: readonly ChoiceOption[];
}

export interface IntegerField extends FieldBase {
  type: "integer";
  min: number;
  max: number;
  unit?: string;
}

/** A non-monetary number with decimals (e.g. the bonus/malus coefficient). */
export interface DecimalField extends FieldBase {
  type: "decimal";
  min: number;
  max: number;
  decimals: number;
  unit?: string;
}

/** Euros, up to 2 decimals. */
export interface AmountField extends FieldBase {
  type: "amount";
  min: number;
  max: number;
}

/**
 * Bounds relative to "today" (Europe/Paris) because a fixed calendar bound would rot:
 * evaluated at validation time. Years and days of the same side add up.
 */
export interface DateBounds {
  minYearsFromNow?: number;
  maxYearsFromNow?: number;
  minDaysFromNow?: number;
  maxDaysFromNow?: number;
}

export interface DateField extends FieldBase {
  type: "date";
  bounds: DateBounds;
}

export interface BooleanField extends FieldBase {
  type: "boolean";
}

export interface DepartementsField extends FieldBase {
  type: "departements";
}

/** A tranche. `min` inclusive, `max` exclusive; a band without bounds (e.g. "Je ne sais pas") matches no number. */
export interface Band {
  value: string;
  label: string;
  min?: number;
  max?: number;
  aliases?: readonly string[];
}

export interface BandField extends FieldBase {
  type: "band";
  /** Ordered from the lowest to the highest tranche; "unknown" bands last. */
  bands: readonly Band[];
  /** What the band bounds measure, e.g. "€" or "€/mois". */
  unit: string;
}

export interface TextField extends FieldBase {
  type: "text";
  maxLength: number;
}

export type FieldDefinition =
  | ChoiceField
  | IntegerField
  | DecimalField
  | AmountField
  | DateField
  | BooleanField
  | DepartementsField
  | BandField
  | TextField;

export interface ProductDefinition {
  slug: string;
  label: string;
  group: ProductGroupKey;
  /** Whether the product can also be sold as a qualified appointment (RDV), per spec section 2. */
  rdvAvailable: boolean;
  fields: readonly FieldDefinition[];
}

export interface ProductGroup {
  key: ProductGroupKey;
  label: string;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; code?: "field_invalid" | "field_invalid_option" };
