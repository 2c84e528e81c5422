import { CsvDecoder } from "../../../lib/csv-decode";
import { openCsvRecords } from "../../../lib/csv-records";
import { AppError } from "../../../platform/errors";
import { type CsvColumns, isBlankRow, readHeader, recordOf } from "../../intake";

/**
 * Streams the records of an uploaded CSV, whatever Excel wrote (UTF-8 or Windows-1252, ";" or ","):
 * the decoding and separator sniffing are the supplier import's, the parsing is csv-parse's.
 */

export interface CsvProgress {
  bytesRead: number;
}

export interface OpenedCsv {
  delimiter: string;
  columns: CsvColumns;
  decoder: CsvDecoder;
  /** Data rows keyed by header, blank rows skipped; `line` is the spreadsheet row number (header = 1). */
  rows: AsyncGenerator<{ line: number; record: Record<string, string> }>;
}

async function* decoded(
  body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  decoder: CsvDecoder,
  progress: CsvProgress,
  maxBytes: number,
) {
  for await (const chunk of body) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    progress.bytesRead += buf.length;
    if (progress.bytesRead > maxBytes) throw new AppError("payload_too_large");
    const out = decoder.write(buf);
    if (out.length > 0) yield out;
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

export async function openCsv(
  body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  progress: CsvProgress,
  maxBytes: number,
): Promise<OpenedCsv> {
  const decoder = new CsvDecoder();
  const { delimiter, records } = await openCsvRecords(decoded(body, decoder, progress, maxBytes));
  const first = await nextRecord(records);
  if (first.done) throw new AppError("invalid_csv", { message: "Le fichier est vide." });
  const columns = readHeader(first.value);
  async function* rows() {
    let line = 1;
    try {
      for (let r = await nextRecord(records); !r.done; r = await nextRecord(records)) {
        line++;
        // Excel leaves rows of bare separators where cells were cleared: they are not rows, but they count in its numbering.
        if (!isBlankRow(r.value)) yield { line, record: recordOf(columns, r.value) };
      }
    } finally {
      await records.return?.();
    }
  }
  return { delimiter, columns, decoder, rows: rows() };
}

async function nextRecord(records: AsyncIterator<string[]>): Promise<IteratorResult<string[]>> {
  try {
    return await records.next();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: string; lines?: number };
    const where = typeof err.lines === "number" ? ` (ligne ${err.lines})` : "";
    const what = err.code === "CSV_QUOTE_NOT_CLOSED" ? "guillemet ouvert jamais refermé" : "format CSV invalide";
    throw new AppError("invalid_csv", { message: `Fichier CSV illisible : ${what}${where}.` });
  }
}
