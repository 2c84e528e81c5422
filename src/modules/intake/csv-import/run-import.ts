import type { Readable } from "node:stream";
import { CsvDecoder } from "../../../lib/csv-decode";
import type { AuthContext } from "../../../platform/auth-context";
import { actorOf } from "../../../platform/auth-context";
import type { Db } from "../../../platform/db/client";
import { type ImportRunOptions, keepAlive } from "../../../platform/db/heartbeat";
import { AppError } from "../../../platform/errors";
import { postalCodeIndex } from "../../reference-data";
import { databaseTexts, findDuplicates } from "../ingest-leads";
import { rejectionsOf } from "../judge-leads";
import { storeLeads } from "../store-leads";
import { missingColumns, readHeader } from "./columns";
import { type CsvDone, type CsvHeader, CsvWorkerClient } from "./csv-worker-client";
import {
  addBatchCounts,
  claimImport,
  finishImport,
  getImport,
  type ImportCounts,
  type ImportSummary,
  MAX_FILE_BYTES,
  MAX_ROWS,
  recordImportResumed,
  recordImportStart,
  releaseImport,
} from "./imports";
import { INTERRUPTED_MESSAGE } from "./interrupted-imports";

// Big enough to amortise a transaction, small enough for the progress bar to move and for other
// requests to get the (single-session) embedded database between two batches. Small enough too for
// each column of a batch to stay under V8's large-object size (128 kB) on the main thread: at 1,000
// rows the largest columns went to the old generation and piled up there between two collections
// (peak RSS 320-350 MB in one import out of five; at 500, 259-265 MB in eight out of eight, same speed).
const BATCH_SIZE = 500;
// Batches judged and not yet written, at most: enough to keep the worker and the database busy, bounded in memory.
const WRITE_AHEAD = 3;

/** A problem with the file found after rows were stored: the import ends "failed", the rows stay. */
class CsvFileError extends Error {}
/** The upload stopped before the end of the file: the import is "interrupted", to be resumed with the same file. */
class UploadCutError extends CsvFileError {}
/** A resumption sent with another file: refused before anything is read past the header. */
class NotTheSameFile extends AppError {}

/**
 * Reads an uploaded CSV as it arrives and feeds it, one transaction per batch, to the intake pipeline.
 * Problems with the file as a whole (unreadable, empty, columns missing) are a 400 before any row is
 * stored; later ones end the import "failed" with its counts, and the rows already judged are kept.
 * An interrupted import (server stopped, upload cut) is resumed by sending the same file again: the
 * rows stored before are read past, and the import goes on from the next one.
 */
export async function runImport(db: Db, auth: AuthContext, importId: string, body: Readable, opts: ImportRunOptions) {
  const claimed = await claimImport(db, auth.orgId, importId, opts.contentLength);
  const stopBeating = keepAlive(db, "csv_imports", importId);
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
    now: opts.clock(),
    resumeAfter: claimed.fingerprint === null ? 0 : claimed.resumeAfter,
    started: false,
  };
  const { decoder } = run;
  let error: string | null = null;
  try {
    await importRows(run);
  } catch (e) {
    if (e instanceof NotTheSameFile) {
      await releaseImport(db, importId, INTERRUPTED_MESSAGE);
      throw e;
    }
    // Cut off before its header could be read (upload interrupted): the journal still gets its start.
    if (!run.started && claimed.fingerprint === null)
      await recordImportStart(db, auth, importId, {
        product: claimed.product,
        filename: claimed.filename,
        delimiter: null,
        columns: [],
        fingerprint: null,
      });
    const known = e instanceof AppError || e instanceof CsvFileError;
    error = known ? e.message : "Erreur interne pendant l'import : l'équipe technique a été prévenue.";
    const stored = run.resumeAfter + counts.totalRows;
    if (!(e instanceof CsvFileError) && stored > 0) error += ` Les ${stored} lignes déjà traitées sont conservées.`;
    const interrupted = e instanceof UploadCutError;
    await finishImport(db, auth, importId, { counts, encoding: decoder.encoding, error, interrupted, now: opts.clock() });
    if (!(e instanceof CsvFileError)) throw e;
  } finally {
    stopBeating();
    // Whatever was not read is drained, so that the answer can still go out on this connection.
    if (!body.readableEnded) body.resume();
  }
  if (!error) await finishImport(db, auth, importId, { counts, encoding: decoder.encoding, error, now: opts.clock() });
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
  now: Date;
  /** Rows stored by the interrupted run this one resumes (0: a first run). */
  resumeAfter: number;
  fingerprint: string | null;
  started: boolean;
}

/**
 * Parsing and judging happen in a worker thread (csv-worker.ts, driven through CsvWorkerClient); this
 * side writes its batches: the duplicate check and the storage, one transaction per batch, in order (a
 * batch's duplicate check must see the previous batch committed). Each thread does what it is best
 * placed for, side by side: the worker judges the next batches while one is written.
 */
async function importRows(run: ImportRun) {
  const { db, auth, importId, counts } = run;
  const worker = new CsvWorkerClient(
    {
      product: run.product,
      supplierOrgId: auth.orgId,
      importId,
      batchSize: run.batchSize,
      maxRows: run.maxRows,
      writeAhead: WRITE_AHEAD,
      now: run.now,
      resumeAfter: run.resumeAfter,
      postalCodes: postalCodeIndex(),
    },
    { chunks: utf8Chunks(run.body, run.decoder, counts), bytesRead: () => counts.bytesRead, texts: databaseTexts(db) },
  );
  const supplier = actorOf(auth);
  let done: CsvDone;
  try {
    await checkHeader(run, await worker.header());
    worker.go();
    const batches = worker.batches();
    for (let next = await batches.next(); ; next = await batches.next()) {
      if (next.done) {
        done = next.value;
        break;
      }
      const batch = next.value;
      const accepted = await db.transaction(async (tx) => {
        const found = await findDuplicates(tx, batch.candidates.people, batch.now);
        const rejections = rejectionsOf(batch.candidates, found);
        const columns = rejections.length === 0 ? batch.columns : await worker.rebuild(batch.seq, rejections);
        await storeLeads(tx, supplier, columns);
        const ok = batch.candidates.index.length - rejections.length;
        await addBatchCounts(tx, importId, batch.bytesRead, { rows: batch.rows, accepted: ok });
        return ok;
      });
      counts.totalRows += batch.rows;
      counts.accepted += accepted;
      counts.rejected += batch.rows - accepted;
      worker.written(batch.seq);
    }
  } finally {
    await worker.close();
  }
  if (done.malformed) {
    throw new CsvFileError(
      `Import arrêté à la ligne ${done.rows + 1}, illisible : ${done.malformed}. Les ${done.rows} lignes précédentes ont été traitées et sont conservées : corrigez le fichier et n'importez que la suite.`,
    );
  }
  if (done.tooManyRows) {
    const max = run.maxRows.toLocaleString("fr-FR");
    throw new CsvFileError(
      `Le fichier dépasse la limite de ${max} lignes : les ${max} premières ont été traitées et sont conservées, les suivantes ont été ignorées. Importez-les dans un nouveau fichier.`,
    );
  }
}

/**
 * The journal gets the import's start (or its resumption) whatever follows; a header that cannot lead
 * to any lead is a 400; a resumption must come with the file first sent (409 otherwise, nothing read).
 */
async function checkHeader(run: ImportRun, header: CsvHeader) {
  const columns = readHeader(header.cells ?? []);
  if (run.fingerprint !== null) {
    if (header.fingerprint !== run.fingerprint) {
      throw new NotTheSameFile("conflict", {
        message:
          "Ce fichier n'est pas celui de l'import interrompu (en-tête ou première ligne différents) : renvoyez le même fichier pour reprendre, ou créez un nouvel import.",
      });
    }
    await recordImportResumed(run.db, run.auth, run.importId, { resumeAfter: run.resumeAfter });
  } else {
    await recordImportStart(run.db, run.auth, run.importId, {
      product: run.product,
      filename: run.filename,
      delimiter: header.delimiter,
      columns: columns.names,
      fingerprint: header.fingerprint,
    });
  }
  run.started = true;
  if (header.unreadable) throw new AppError("invalid_csv", { message: `En-tête illisible : ${header.unreadable}.` });
  if (!header.cells) throw new AppError("invalid_csv", { message: "Le fichier est vide." });
  const missing = missingColumns(run.product, columns);
  if (missing.length > 0) {
    throw new AppError("invalid_csv", {
      message: `Colonnes obligatoires absentes : ${missing.join(", ")}. Partez du modèle CSV du produit.`,
      details: { missingColumns: missing },
    });
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
      throw new UploadCutError(
        "L'envoi du fichier a été interrompu avant la fin. Les lignes traitées jusque-là sont conservées : renvoyez le même fichier pour reprendre à la ligne suivante.",
      );
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
