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

/**
 * A CSV of a long list read page by page, each page after the previous one's last row (keyset), so a long
 * history never sits whole in memory: each page is written as the reader takes it (waiting when it lags), the
 * file ends after the last page, and an error while reading destroys the stream.
 */
export function csvOfPages<R>(
  columns: string[],
  list: { pageSize: number; pageAfter: (last: R | undefined) => Promise<R[]>; cells: (row: R) => unknown[] },
): Stringifier {
  const csv = csvWriter({ columns });
  (async () => {
    let last: R | undefined;
    for (;;) {
      const rows = await list.pageAfter(last);
      for (const r of rows) {
        if (!csv.write(list.cells(r))) await new Promise((resolve) => csv.once("drain", resolve));
      }
      last = rows.at(-1);
      if (rows.length < list.pageSize || last === undefined) break;
    }
    csv.end();
  })().catch((e) => csv.destroy(e));
  return csv;
}
