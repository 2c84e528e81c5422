import { readableText } from "../../../lib/json-text";
import { CSV_FIXED_COLUMNS, normalizeHeader, productBySlug } from "../../catalogue/rules";
import { LEAD_CONTACT_CSV_COLUMNS } from "../lead-contact";

/**
 * The header line of an upload: which columns it has, and whether the file can be imported at all.
 * Only columns without which every row would be rejected are required; consent columns that depend
 * on the method (IP for a checkbox, call centre for an oral consent) are judged row by row.
 */

const REQUIRED_FIXED = new Set<string>([...LEAD_CONTACT_CSV_COLUMNS, "consentement_methode", "consentement_version", "consentement_date"]);

/** Columns our rejection report adds: a corrected report can be re-uploaded, and its report must not repeat them. */
export const REPORT_COLUMNS = ["ligne", "motifs_rejet", "codes_rejet"] as const;

export interface CsvColumns {
  /** Record keys, in file order: the header as sent, made unique, with a name for blank headers. */
  names: string[];
  /** Blank headers (Excel's trailing ";;;") keep a cell only when it holds something. */
  unnamed: boolean[];
}

export function readHeader(cells: string[]): CsvColumns {
  const seen = new Map<string, number>();
  const names: string[] = [];
  const unnamed: boolean[] = [];
  cells.forEach((raw, i) => {
    // A header is a name, shown and journaled: made readable text (json-text.ts). Cells are kept as sent.
    const header = readableText(raw.replace(/^\uFEFF/, "").trim());
    const base = header === "" ? `colonne_${i + 1}` : header;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    names.push(n === 1 ? base : `${base} (${n})`);
    unnamed.push(header === "");
  });
  return { names, unnamed };
}

/** Required columns absent from the header, by their template name; aliases ("Code postal", "cp") count. */
export function missingColumns(product: string, columns: CsvColumns): string[] {
  const present = new Set(columns.names.map(normalizeHeader));
  const fields = productBySlug(product)?.fields ?? [];
  const required = [
    ...CSV_FIXED_COLUMNS.filter((c) => REQUIRED_FIXED.has(c.name)),
    ...fields.filter((f) => f.required).map((f) => ({ name: f.key, aliases: [] as string[] })),
  ];
  return required.filter((c) => ![c.name, ...c.aliases].some((n) => present.has(normalizeHeader(n)))).map((c) => c.name);
}

export function isBlankRow(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

/** The row as sent, keyed by header; cells beyond the header are kept too rather than silently lost. */
export function recordOf(columns: CsvColumns, cells: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  const { names, unnamed } = columns;
  for (let i = 0; i < names.length; i++) {
    const value = cells[i] ?? "";
    if (!unnamed[i] || value.trim() !== "") record[names[i] as string] = value;
  }
  return withCellsBeyondHeader(record, columns, cells);
}

/** Cells past the last header (a row longer than its header), named like blank headers: kept rather than silently lost. */
function withCellsBeyondHeader<T extends Record<string, string> | null>(
  record: T,
  columns: CsvColumns,
  cells: string[],
): T | Record<string, string> {
  let out: Record<string, string> | null = record;
  for (let i = columns.names.length; i < cells.length; i++) {
    const value = cells[i] as string;
    if (value.trim() !== "") {
      out ??= {};
      out[`colonne_${i + 1}`] = value;
    }
  }
  return out as T | Record<string, string>;
}

/**
 * The cells of an accepted row that its lead's columns do not hold: columns the template does not know
 * (by position, see csvRowReader) and cells beyond the header. Null when there are none, the usual case.
 */
export function extraCellsOf(columns: CsvColumns, positions: readonly number[], cells: string[]): Record<string, string> | null {
  let extra: Record<string, string> | null = null;
  for (const i of positions) {
    const value = cells[i] ?? "";
    if (value.trim() !== "") {
      extra ??= {};
      extra[columns.names[i] as string] = value;
    }
  }
  return withCellsBeyondHeader(extra, columns, cells);
}
