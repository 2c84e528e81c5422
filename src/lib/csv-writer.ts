import { type Stringifier, stringify } from "csv-stringify";
import { CSV_DIALECT } from "./csv";

/**
 * A streaming CSV writer (large exports, written page by page), with the cells neutralised as in
 * csv.ts; `columns` writes them as the header. Apart from csv.ts so the web app, which imports
 * csv.ts through the shared catalogue, does not pull in Node streams.
 */
export function csvWriter(opts: { columns?: string[] } = {}): Stringifier {
  return stringify({ ...CSV_DIALECT, ...(opts.columns ? { header: true, columns: opts.columns } : {}) });
}
