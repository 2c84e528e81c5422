import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type CsvError, type Parser, parse } from "csv-parse";
import { restoreCell } from "./csv";
import { detectDelimiter } from "./csv-decode";

const HEAD_BYTES = 64 * 1024;

/** A record, or (with queueErrors) why the record in its place could not be read. */
export type CsvItem = string[] | { csvError: CsvError };

interface OpenOptions {
  /** Longest record accepted: unlimited otherwise, and a stray quote pulls the rest of the file into one cell. */
  maxRecordChars?: number;
  /**
   * A record that cannot be read comes through in its place as `{ csvError }` instead of ending the
   * iteration with an error, which would drop the records parsed but not yet taken.
   */
  queueErrors?: boolean;
}

/**
 * The records of an upload, from its UTF-8 chunks (see CsvDecoder), as every upload is read: the separator
 * read off the header line first, then csv-parse over the whole with the BOM dropped, ragged rows and
 * stray quotes tolerated, blank lines skipped, and the apostrophe our CSV writer puts before a formula
 * taken off. Chunks are pulled only as the records are.
 */
export async function openCsvRecords(
  chunks: AsyncIterator<Uint8Array>,
  opts: OpenOptions & { queueErrors: true },
): Promise<{ delimiter: ";" | "," | "\t"; records: AsyncIterator<CsvItem> }>;
export async function openCsvRecords(
  chunks: AsyncIterator<Uint8Array>,
  opts?: OpenOptions & { queueErrors?: false },
): Promise<{ delimiter: ";" | "," | "\t"; records: AsyncIterator<string[]> }>;
export async function openCsvRecords(chunks: AsyncIterator<Uint8Array>, opts: OpenOptions = {}) {
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
    if (next.value.includes(0x0a) || next.value.includes(0x0d)) break;
  }
  const delimiter = detectDelimiter(Buffer.concat(head).toString("utf8"));
  const parser: Parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    ...(opts.maxRecordChars ? { max_record_size: opts.maxRecordChars } : {}),
    ...(opts.queueErrors
      ? {
          skip_records_with_error: true,
          on_skip: (err: CsvError | undefined) => {
            parser.push({ csvError: err });
          },
        }
      : {}),
  });
  async function* all() {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  // Errors surface through the parser's own iteration; the pipeline only wires backpressure.
  pipeline(Readable.from(all(), { objectMode: false }), parser).catch(() => {});
  return { delimiter, records: restoringCells(parser[Symbol.asyncIterator]()) };
}

/**
 * A report we wrote comes back with its formula guards: the cells are read as the supplier sent them.
 * Done on each record as it is taken, not with csv-parse's `cast` option: given a function, csv-parse
 * builds an information object for every field and every record to pass it, which cost a third of the
 * CSV worker's time (with the garbage it makes) and halved the import's throughput.
 */
function restoringCells<T>(records: AsyncIterator<T>): AsyncIterator<T> {
  return {
    async next() {
      const r = await records.next();
      if (!r.done && Array.isArray(r.value)) {
        const cells: string[] = r.value;
        for (let i = 0; i < cells.length; i++) cells[i] = restoreCell(cells[i] as string);
      }
      return r;
    },
    return: async (value?: unknown) => (records.return ? records.return(value) : { done: true, value: value as T }),
  };
}
