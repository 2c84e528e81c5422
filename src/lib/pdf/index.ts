export {
  formatDateTimeFr,
  formatEurosFr,
  formatLongDateFr,
  formatNumberFr,
  formatPercentFr,
  formatShortDateFr,
  withFrenchSpacing,
} from "../french-format";
export {
  A4,
  type Content,
  type ListMarker,
  type ListOptions,
  type ParagraphOptions,
  PDF_COLORS,
  type PdfDocumentOptions,
  PdfWriter,
} from "./document";
export type { Run, TextStyle } from "./layout-text";
export type { TableColumn, TableSpec } from "./table";
