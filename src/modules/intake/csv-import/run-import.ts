import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setImmediate } from "node:timers/promises";
import { type CsvError, type Parser, parse } from "csv-parse";
import type { Db } from "../../../db/client";
import { AppError } from "../../../server/errors";
import { csvRowReader } from "../../../shared/catalogue";
import type { AuthContext } from "../../accounts/auth-context";
import { actorOf } from "../../accounts/auth-context";
import { type IngestItem, type JudgedBatch, judgeItems, recordJudged } from "../ingest-leads";
import { extraCellsOf, isBlankRow, missingColumns, REPORT_COLUMNS, readHeader, recordOf } from "./columns";
import { CsvDecoder, detectDelimiter } from "./decode";
import {
  addBatchCounts,
  claimImport,
  finishImport,
  getImport,
  type ImportCounts,
  type ImportSummary,
  MAX_FILE_BYTES,
  MAX_ROWS,
  recordImportStart,
} from "./imports";

// Big enough to amortise a transaction, small enough for the progress bar to move and for other
// requests to get the (single-session) embedded database between two batches.
const BATCH_SIZE = 1_000;
// Batches judged and waiting for the database, at most: enough to keep both busy, bounded in memory.
const WRITE_AHEAD = 2;
const JUDGE_SLICE = 100;
const HEAD_BYTES = 64 * 1024;
// Far above a real row (a few dozen cells of at most 2,000 characters).
const MAX_RECORD_CHARS = 256 * 1024;

/** A problem with the file found after rows were stored: the import ends "failed", the rows stay. */
class CsvFileError extends Error {}

export interface RunImportOptions {
  contentLength?: number;
  batchSize?: number;
  maxRows?: number;
}

/**
 * Reads an uploaded CSV as it arrives and feeds it, one transaction per batch, to the intake pipeline.
 * Problems with the file as a whole (unreadable, empty, columns missing) are a 400 before any row is
 * stored; later ones end the import "failed" with its counts, and the rows already judged are kept.
 */
export async function runImport(db: Db, auth: AuthContext, importId: string, body: Readable, opts: RunImportOptions = {}) {
  const claimed = await claimImport(db, auth.orgId, importId, opts.contentLength);
  const counts: ImportCounts = { bytesRead: 0, totalRows: 0, accepted: 0, rejected: 0 };
  const run: ImportRun = {
    db,
    auth,
    importId,
    ...claimed,
    body,
    decoder: new CsvDecoder(),
    counts,
    batchSize: opts.batchSize ?? BATCH_SIZE,
    maxRows: opts.maxRows ?? MAX_ROWS,
    started: false,
  };
  const { decoder } = run;
  let error: string | null = null;
  try {
    await importRows(run);
  } catch (e) {
    // Cut off before its header could be read (upload interrupted): the journal still gets its start.
    if (!run.started)
      await recordImportStart(db, auth, importId, { product: claimed.product, filename: claimed.filename, delimiter: null, columns: [] });
    const known = e instanceof AppError || e instanceof CsvFileError;
    error = known ? e.message : "Erreur interne pendant l'import : l'équipe technique a été prévenue.";
    if (!(e instanceof CsvFileError) && counts.totalRows > 0) error += ` Les ${counts.totalRows} lignes déjà traitées sont conservées.`;
    await finishImport(db, auth, importId, { counts, encoding: decoder.encoding, error });
    if (!(e instanceof CsvFileError)) throw e;
  } finally {
    // Whatever was not read is drained, so that the answer can still go out on this connection.
    if (!body.readableEnded) body.resume();
  }
  if (!error) await finishImport(db, auth, importId, { counts, encoding: decoder.encoding, error });
  const summary: ImportSummary = await getImport(db, auth.orgId, importId);
  return { summary, readWholeFile: body.readableEnded };
}

interface ImportRun {
  db: Db;
  auth: AuthContext;
  importId: string;
  product: string;
  filename: string;
  body: Readable;
  decoder: CsvDecoder;
  counts: ImportCounts;
  batchSize: number;
  maxRows: number;
  started: boolean;
}

async function importRows(run: ImportRun) {
  const { db, auth, importId, product, counts } = run;
  const chunks = utf8Chunks(run.body, run.decoder, counts);
  const head = await readHead(chunks);
  const delimiter = detectDelimiter(head.text);
  // A parse error would destroy the stream and drop the rows parsed but not yet stored: it is queued
  // instead, in order, behind them.
  const parser: Parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // Unlimited by default: a stray quote would pull the rest of the file into one cell, in memory.
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    on_skip: (err) => {
      parser.push({ csvError: err });
    },
  });
  // Errors surface through the parser's own iteration below; the pipeline only wires backpressure.
  pipeline(Readable.from(prepend(head.buffers, chunks), { objectMode: false }), parser).catch(() => {});
  const records: AsyncIterator<string[] | { csvError: CsvError }> = parser[Symbol.asyncIterator]();

  const first = await records.next();
  const header = first.done || !Array.isArray(first.value) ? [] : first.value;
  const columns = readHeader(header);
  await recordImportStart(db, auth, importId, { product, filename: run.filename, delimiter, columns: columns.names });
  run.started = true;
  if (!first.done && !Array.isArray(first.value)) {
    throw new AppError("invalid_csv", { message: `En-tête illisible : ${csvErrorMessage(first.value.csvError)}.` });
  }
  if (first.done) throw new AppError("invalid_csv", { message: "Le fichier est vide." });
  const missing = missingColumns(product, columns);
  if (missing.length > 0) {
    throw new AppError("invalid_csv", {
      message: `Colonnes obligatoires absentes : ${missing.join(", ")}. Partez du modèle CSV du produit.`,
      details: { missingColumns: missing },
    });
  }

  const supplier = { ...actorOf(auth), orgId: auth.orgId };
  const writeBatch = async (judged: JudgedBatch, bytesRead: number) => {
    const accepted = await db.transaction(async (tx) => {
      const results = await recordJudged(tx, supplier, judged, { channel: "csv", importId });
      const ok = results.filter((r) => r.status === "accepted").length;
      await addBatchCounts(tx, importId, bytesRead, { rows: results.length, accepted: ok });
      return ok;
    });
    counts.totalRows += judged.judged.length;
    counts.accepted += accepted;
    counts.rejected += judged.judged.length - accepted;
  };

  // Batches are parsed and judged (CPU only) while earlier ones are written, up to WRITE_AHEAD batches
  // ahead, so the database and the judging work side by side. Writes stay one at a time and in order:
  // a batch's duplicate check must see the previous batch committed, and each holds its locks until commit.
  const writes: Promise<void>[] = [];
  const emptyBatch = (): JudgedBatch => ({ judged: [], now: new Date() });
  let batch = emptyBatch();
  const startWrite = async () => {
    const ready = batch;
    batch = emptyBatch();
    const bytesRead = counts.bytesRead;
    const write = (writes.at(-1) ?? Promise.resolve()).then(() => writeBatch(ready, bytesRead));
    write.catch(() => {});
    writes.push(write);
    // A failed write fails every later one: the loop stops at the next batch.
    await writes.at(-WRITE_AHEAD);
  };
  // Rows are judged a slice at a time with a turn of the event loop in between: a whole batch judged
  // in one go (about 80 ms of CPU) would hold back the database's replies to the batch being written.
  const sliceSize = Math.min(JUDGE_SLICE, run.batchSize);
  let slice: IngestItem[] = [];
  const judgeSlice = async () => {
    const { judged, now } = await judgeItems(db, slice);
    slice = [];
    if (batch.judged.length === 0) batch.now = now;
    batch.judged.push(...judged);
    await setImmediate();
    if (batch.judged.length >= run.batchSize) await startWrite();
  };

  const reader = csvRowReader(product, columns.names);
  const reportColumns = new Set<string>(REPORT_COLUMNS);
  const extraColumns = reader.unknownColumns.filter((i) => !reportColumns.has(columns.names[i] as string));
  let row = 0;
  let tooManyRows = false;
  let malformed: CsvError | null = null;
  try {
    for (let r = await records.next(); !r.done; r = await records.next()) {
      // What follows a broken quote cannot be trusted to be in the right columns: stop there.
      if (!Array.isArray(r.value)) {
        malformed = r.value.csvError;
        break;
      }
      // Excel leaves rows of bare separators where cells were cleared: they are not rows.
      if (isBlankRow(r.value)) continue;
      if (++row > run.maxRows) {
        tooManyRows = true;
        break;
      }
      const cells = r.value;
      const { submission, fieldErrors } = reader.read(cells);
      slice.push({
        submission,
        importRow: row,
        preReasons: fieldErrors,
        // A rejected row keeps every cell (its report must give it back whole); an accepted one only what its lead's columns do not hold.
        payload: (status) => (status === "rejected" ? recordOf(columns, cells) : extraCellsOf(columns, extraColumns, cells)),
      });
      if (slice.length >= sliceSize) await judgeSlice();
    }
    if (slice.length > 0) await judgeSlice();
    if (batch.judged.length > 0) await startWrite();
    await writes.at(-1);
  } finally {
    await records.return?.();
    // Nothing is reported before the last write has settled, so the final counts are the stored ones.
    await Promise.allSettled(writes);
  }
  if (malformed) {
    throw new CsvFileError(
      `Import arrêté à la ligne ${row + 1}, illisible : ${csvErrorMessage(malformed)}. Les ${row} lignes précédentes ont été traitées et sont conservées : corrigez le fichier et n'importez que la suite.`,
    );
  }
  if (tooManyRows) {
    const max = run.maxRows.toLocaleString("fr-FR");
    throw new CsvFileError(
      `Le fichier dépasse la limite de ${max} lignes : les ${max} premières ont été traitées et sont conservées, les suivantes ont été ignorées. Importez-les dans un nouveau fichier.`,
    );
  }
}

/** The body as UTF-8 bytes, counted as they arrive (progress bar) and cut off past the size limit. */
async function* utf8Chunks(body: Readable, decoder: CsvDecoder, counts: ImportCounts): AsyncGenerator<Buffer> {
  // Not destroyed on early exit: destroying the request would close the socket before the answer.
  const source = body.iterator({ destroyOnReturn: false });
  for (;;) {
    let next: IteratorResult<Buffer | string>;
    try {
      next = await source.next();
    } catch {
      throw new CsvFileError("L'envoi du fichier a été interrompu avant la fin.");
    }
    if (next.done) break;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    counts.bytesRead += chunk.length;
    if (counts.bytesRead > MAX_FILE_BYTES)
      throw new CsvFileError("Fichier trop volumineux : 200 Mo au maximum. Les lignes lues jusque-là sont conservées.");
    const out = decoder.write(chunk);
    if (out.length > 0) yield out;
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

/** Enough of the start of the file to see its header line, to pick the separator before parsing. */
async function readHead(chunks: AsyncGenerator<Buffer>) {
  const buffers: Buffer[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    buffers.push(next.value);
    size += next.value.length;
    if (next.value.includes(0x0a) || next.value.includes(0x0d)) break;
  }
  return { buffers, text: Buffer.concat(buffers).toString("utf8") };
}

async function* prepend(head: Buffer[], rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  yield* rest;
}

/** Why a record could not be read; the line is counted like the report's "ligne" (data rows, from 1). */
function csvErrorMessage(e: CsvError): string {
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "un guillemet ouvert n'est jamais refermé";
    case "CSV_MAX_RECORD_SIZE":
      return "un guillemet ouvert n'est jamais refermé, ou la ligne est anormalement longue";
    default:
      return "guillemets mal placés";
  }
}
