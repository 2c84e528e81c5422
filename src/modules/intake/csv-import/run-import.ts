import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AsyncQueue } from "../../../lib/async-queue";
import { CsvDecoder } from "../../../lib/csv-decode";
import type { AuthContext } from "../../../platform/auth-context";
import { actorOf } from "../../../platform/auth-context";
import type { Clock } from "../../../platform/clock";
import type { Db } from "../../../platform/db/client";
import { keepAlive } from "../../../platform/db/heartbeat";
import { AppError } from "../../../platform/errors";
import { databaseTexts, findDuplicates } from "../ingest-leads";
import { type Rejection, rejectionsOf } from "../judge-leads";
import type { StoreColumns } from "../lead-columns";
import { storeLeads } from "../store-leads";
import { missingColumns, readHeader } from "./columns";
import type { CsvWorkerSetup, FromWorker, ToWorker } from "./csv-worker-protocol";
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
// Body chunks sent to the worker and not yet parsed, at most (a few hundred kB): the upload waits beyond.
const CHUNKS_AHEAD = 8;
// The worker is the source file itself under tsx (tests, npm run dev), its bundle next to main.js once built.
const WORKER_URL = new URL(import.meta.url.endsWith(".ts") ? "./csv-worker.ts" : "./csv-worker.js", import.meta.url);

/** A problem with the file found after rows were stored: the import ends "failed", the rows stay. */
class CsvFileError extends Error {}
/** The upload stopped before the end of the file: the import is "interrupted", to be resumed with the same file. */
class UploadCutError extends CsvFileError {}
/** A resumption sent with another file: refused before anything is read past the header. */
class NotTheSameFile extends AppError {}

export interface RunImportOptions {
  clock: Clock;
  contentLength?: number;
  batchSize?: number;
  maxRows?: number;
}

/**
 * Reads an uploaded CSV as it arrives and feeds it, one transaction per batch, to the intake pipeline.
 * Problems with the file as a whole (unreadable, empty, columns missing) are a 400 before any row is
 * stored; later ones end the import "failed" with its counts, and the rows already judged are kept.
 * An interrupted import (server stopped, upload cut) is resumed by sending the same file again: the
 * rows stored before are read past, and the import goes on from the next one.
 */
export async function runImport(db: Db, auth: AuthContext, importId: string, body: Readable, opts: RunImportOptions) {
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

type Batch = Extract<FromWorker, { type: "batch" }>;

/**
 * Parsing and judging happen in a worker thread (csv-worker.ts); this side feeds it the upload, answers
 * its questions (consent texts) and writes its batches: the duplicate check and the storage, one
 * transaction per batch, in order. Each thread then does what it is best placed for, side by side.
 */
async function importRows(run: ImportRun) {
  const { db, auth, importId, product, counts } = run;
  const setup: CsvWorkerSetup = {
    product,
    supplierOrgId: auth.orgId,
    importId,
    batchSize: run.batchSize,
    maxRows: run.maxRows,
    writeAhead: WRITE_AHEAD,
    now: run.now,
    resumeAfter: run.resumeAfter,
  };
  const worker = startWorker(setup);
  const send = (message: ToWorker) => worker.postMessage(message);
  const inbox = new AsyncQueue<FromWorker>();
  // The upload goes chunk by chunk, never more than CHUNKS_AHEAD ahead of the parser.
  const credit = new AsyncQueue<true>();
  for (let i = 0; i < CHUNKS_AHEAD; i++) credit.push(true);
  const rebuilds = new Map<number, { resolve(columns: StoreColumns): void; reject(e: unknown): void }>();
  // Flow control and rebuilt batches are answered at once (a write may be waiting for one after the
  // worker is done); the rest is handled in order by the loop below.
  worker.on("message", (m: FromWorker) => {
    if (m.type === "consumed") for (let i = 0; i < m.chunks; i++) credit.push(true);
    else if (m.type === "rebuilt") {
      rebuilds.get(m.seq)?.resolve(m.columns);
      rebuilds.delete(m.seq);
    } else inbox.push(m);
  });
  const stopped = (e: unknown) => {
    inbox.fail(e);
    for (const pending of rebuilds.values()) pending.reject(e);
  };
  worker.on("error", stopped);
  worker.on("exit", (code) => stopped(new Error(`CSV worker stopped (exit code ${code})`)));

  let stopFeeding = false;
  const feeding = (async () => {
    for await (const chunk of utf8Chunks(run.body, run.decoder, counts)) {
      await credit.next();
      if (stopFeeding) return;
      send({ type: "chunk", data: chunk });
    }
    send({ type: "end" });
  })();
  feeding.catch((e) => inbox.fail(e));

  const supplier = actorOf(auth);
  const rebuild = (seq: number, rejections: Rejection[]) =>
    new Promise<StoreColumns>((resolve, reject) => {
      rebuilds.set(seq, { resolve, reject });
      send({ type: "reject", seq, rejections });
    });
  const writeBatch = async (batch: Batch, bytesRead: number) => {
    const accepted = await db.transaction(async (tx) => {
      const found = await findDuplicates(tx, batch.candidates.people, batch.now);
      const rejections = rejectionsOf(batch.candidates, found);
      const columns = rejections.length === 0 ? batch.columns : await rebuild(batch.seq, rejections);
      await storeLeads(tx, supplier, columns);
      const ok = batch.candidates.index.length - rejections.length;
      await addBatchCounts(tx, importId, bytesRead, { rows: batch.rows, accepted: ok });
      return ok;
    });
    counts.totalRows += batch.rows;
    counts.accepted += accepted;
    counts.rejected += batch.rows - accepted;
    send({ type: "written", seq: batch.seq });
  };

  // Writes go one at a time and in order: a batch's duplicate check must see the previous batch
  // committed, and each holds its locks until commit. A failed write fails every later one.
  let lastWrite: Promise<void> = Promise.resolve();
  const writes: Promise<void>[] = [];
  let done: Extract<FromWorker, { type: "done" }> | undefined;
  try {
    while (!done) {
      const m = (await inbox.next()) as Exclude<FromWorker, { type: "consumed" | "rebuilt" }>;
      switch (m.type) {
        case "header":
          await checkHeader(run, m);
          send({ type: "go" });
          break;
        case "need-texts": {
          const texts = await databaseTexts(db)(m.versions);
          send({ type: "texts", id: m.id, texts: [...texts] });
          break;
        }
        case "batch": {
          const bytesRead = counts.bytesRead;
          lastWrite = lastWrite.then(() => writeBatch(m, bytesRead));
          lastWrite.catch((e) => inbox.fail(e));
          writes.push(lastWrite);
          break;
        }
        case "done":
          done = m;
          break;
      }
    }
    await lastWrite;
  } finally {
    // Nothing is reported before the last write has settled, so the final counts are the stored ones.
    await Promise.allSettled(writes);
    stopFeeding = true;
    credit.push(true);
    await worker.terminate();
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

function startWorker(setup: CsvWorkerSetup): Worker {
  const options = {
    workerData: setup,
    // A larger young generation than V8 gives a thread by default: most of what a row allocates dies
    // within its batch, and collecting it there is far cheaper than promoting it. 32 MB, not 48: 48 was
    // about 5% faster but took the server past 300 MB of RSS.
    resourceLimits: { maxYoungGenerationSizeMb: 32 },
  };
  if (!WORKER_URL.pathname.endsWith(".ts")) return new Worker(WORKER_URL, options);
  // From source, the thread registers tsx first (Node 20 ignores --import in a worker's execArgv). require
  // resolves the CommonJS build of tsx/esm/api; its ES module build sits beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(WORKER_URL.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}

/**
 * The journal gets the import's start (or its resumption) whatever follows; a header that cannot lead
 * to any lead is a 400; a resumption must come with the file first sent (409 otherwise, nothing read).
 */
async function checkHeader(run: ImportRun, header: Extract<FromWorker, { type: "header" }>) {
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
