import type { Readable } from "node:stream";
import { AppError } from "../../../platform/errors";
import { IMPORT_FIELDS } from "./import-fields";
import { openCsv } from "./read-csv";
import { suggestMapping } from "./suggest-mapping";

/** Enough for the header and a few rows; the browser sends only this much of the file. */
export const PREVIEW_BYTES = 64 * 1024;
const SAMPLE_ROWS = 5;

/**
 * The mapping step: the file's columns as detected (encoding, separator), a few rows to recognise
 * them by, and a suggested field for each column. Reads the beginning of the body only.
 */
export async function previewCrmCsv(body: AsyncIterable<Buffer | string> & Partial<Pick<Readable, "resume" | "readableEnded">>) {
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = true;
  for await (const chunk of body) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    chunks.push(buf);
    size += buf.length;
    if (size >= PREVIEW_BYTES) {
      ended = false;
      break;
    }
  }
  let head = Buffer.concat(chunks);
  if (!ended) {
    // A row (or a UTF-8 character) cut at the edge would be misread: stop at the last complete line.
    const lastNewline = head.lastIndexOf(0x0a);
    if (lastNewline > 0) head = head.subarray(0, lastNewline + 1);
  }
  if (head.length === 0) throw new AppError("invalid_csv", { message: "Le fichier est vide." });
  const csv = await openCsv([head], { bytesRead: 0 }, Number.POSITIVE_INFINITY);
  const samples: Record<string, string>[] = [];
  for await (const { record } of csv.rows) {
    samples.push(record);
    if (samples.length >= SAMPLE_ROWS) break;
  }
  const columns = csv.columns.names;
  return {
    encoding: csv.decoder.encoding ?? "utf-8",
    delimiter: csv.delimiter,
    columns,
    sampleRows: samples.map((r) => columns.map((c) => r[c] ?? "")),
    suggestedMapping: suggestMapping(columns),
    fields: IMPORT_FIELDS.map(({ key, label, group }) => ({ key, label, group })),
  };
}
