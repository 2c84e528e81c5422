/** Product catalogue shared by the server and the web app: no Node-only import anywhere below. */

export {
  type CatalogueField,
  type CatalogueResponse,
  catalogueForApi,
  catalogueResponseSchema,
} from "./catalogue-json";
export {
  CSV_FIXED_COLUMNS,
  type CsvRecordResult,
  csvHeader,
  csvRecordToSubmission,
  csvRowReader,
  csvTemplateRows,
  normalizeHeader,
} from "./csv-columns";
export { parisToday, parseHumanDate, parseHumanDateTime } from "./dates";
export { DEPARTEMENTS, type DepartementCode, isDepartementCode, normalizeDepartementCode } from "./departements";
export { formatFieldText, formatFrenchNumber } from "./format-text";
export { normalizeLabel, parseBooleanText, parseFieldText, parseFrenchNumber } from "./parse-text";
export {
  isProductSlug,
  PRODUCT_GROUPS,
  PRODUCT_SLUGS,
  PRODUCTS,
  type ProductSlug,
  productBySlug,
} from "./products";
export { SAMPLE_CONSENT, SAMPLE_CONTACT, sampleFieldValues } from "./samples";
export type * from "./types";
export { type FieldsValidation, isFieldRequired, validateProductFields } from "./validate-fields";
