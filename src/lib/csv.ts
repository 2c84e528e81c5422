import { stringify } from "csv-stringify/sync";

/**
 * Every CSV the product writes goes through here: French Excel's dialect (UTF-8 BOM, ";", CRLF), and
 * no cell a spreadsheet would run. Excel, LibreOffice and Google Sheets read a cell starting with
 * = + - @ tab or CR as a formula (`=cmd|' /C calc'!A0`, `=HYPERLINK(…)`): such a cell gets a leading
 * apostrophe, which spreadsheets take as "this is text". Our CSV readers take that apostrophe off
 * again (restoreCell), so a report can be corrected and sent back as it is.
 */

// A formula start, possibly behind apostrophes already there: "'=x" gets one more, so that reading it
// back gives "'=x" again and not "=x".
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const WRITTEN_QUOTE = /^'+[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** A cell as read from a CSV: the apostrophe neutralizeCell put before a formula start is taken off. */
export function restoreCell(value: string): string {
  return value.charCodeAt(0) === 39 && WRITTEN_QUOTE.test(value) ? value.slice(1) : value;
}

export const CSV_DIALECT = {
  delimiter: ";",
  bom: true,
  record_delimiter: "windows",
  cast: { string: neutralizeCell },
} as const;

/** A small CSV at once (a template, a report held in memory); large ones stream through csv-writer.ts. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], CSV_DIALECT);
}
