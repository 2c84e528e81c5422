import type {
  AmountField,
  Band,
  BandField,
  BooleanField,
  ChoiceField,
  ChoiceOption,
  DateBounds,
  DateField,
  DecimalField,
  DepartementsField,
  FieldDefinition,
  IntegerField,
  ProductDefinition,
  ProductGroupKey,
  RequiredWhen,
  TextField,
} from "./types";

/** Terse builders so products.ts reads like the spec's bullet lists. Fields are required unless stated. */

interface Extra {
  required?: boolean;
  requiredWhen?: RequiredWhen;
  help?: string;
}

function base(key: string, label: string, extra: Extra = {}) {
  return {
    key,
    label,
    required: extra.required ?? extra.requiredWhen === undefined,
    ...(extra.requiredWhen ? { requiredWhen: extra.requiredWhen } : {}),
    ...(extra.help ? { help: extra.help } : {}),
  };
}

export function opt(value: string, label: string, ...aliases: string[]): ChoiceOption {
  return aliases.length > 0 ? { value, label, aliases } : { value, label };
}

export function band(value: string, label: string, min?: number, max?: number, ...aliases: string[]): Band {
  return {
    value,
    label,
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

export function choice(key: string, label: string, options: ChoiceOption[], extra?: Extra): ChoiceField {
  return { ...base(key, label, extra), type: "choice", options };
}

export function integer(key: string, label: string, min: number, max: number, unit?: string, extra?: Extra): IntegerField {
  return { ...base(key, label, extra), type: "integer", min, max, ...(unit ? { unit } : {}) };
}

export function decimal(key: string, label: string, min: number, max: number, decimals: number, extra?: Extra): DecimalField {
  return { ...base(key, label, extra), type: "decimal", min, max, decimals };
}

export function amount(key: string, label: string, min: number, max: number, extra?: Extra): AmountField {
  return { ...base(key, label, extra), type: "amount", min, max };
}

export function date(key: string, label: string, bounds: DateBounds, extra?: Extra): DateField {
  return { ...base(key, label, extra), type: "date", bounds };
}

export function yesNo(key: string, label: string, extra?: Extra): BooleanField {
  return { ...base(key, label, extra), type: "boolean" };
}

export function departements(key: string, label: string, extra?: Extra): DepartementsField {
  return { ...base(key, label, extra), type: "departements" };
}

export function bands(key: string, label: string, unit: string, list: Band[], extra?: Extra): BandField {
  return { ...base(key, label, extra), type: "band", unit, bands: list };
}

export function text(key: string, label: string, maxLength = 200, extra?: Extra): TextField {
  return { ...base(key, label, extra), type: "text", maxLength };
}

/** The 18 slugs of spec section 2, in catalogue order: typing product() with them catches typos. */
export const PRODUCT_SLUGS = [
  "credit-immobilier",
  "rachat-credits",
  "credit-professionnel",
  "assurance-emprunteur",
  "mutuelle-sante",
  "mutuelle-entreprise",
  "prevoyance-tns",
  "assurance-auto",
  "assurance-habitation",
  "assurance-animaux",
  "rc-pro",
  "multirisque-pro",
  "rc-decennale",
  "dommage-ouvrage",
  "multirisque-immeuble",
  "assurance-obseques",
  "assurance-vie-retraite",
  "defiscalisation",
] as const;

export type ProductSlug = (typeof PRODUCT_SLUGS)[number];

export interface ProductInput {
  slug: ProductSlug;
  label: string;
  group: ProductGroupKey;
  rdvAvailable: boolean;
  fields: FieldDefinition[];
}

export const product = (p: ProductInput): ProductDefinition => p;
