import { createHash } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import type { CsvError } from "csv-parse";
import { AsyncQueue } from "../../../lib/async-queue";
import { openCsvRecords } from "../../../lib/csv-records";
import { csvRowReader } from "../../catalogue/rules";
import { installPostalCodeIndex } from "../../reference-data";
import type { PublishedText } from "../consent-text-cache";
import { applyRejections, duplicateCandidates, type IngestItem, type Judged, judgeItems, storeColumnsOf } from "../judge-leads";
import { storedPayload } from "../stored-payload";
import { extraCellsOf, isBlankRow, REPORT_COLUMNS, readHeader, recordOf } from "./columns";
import type { CsvWorkerSetup, FromWorker, ToWorker } from "./csv-worker-protocol";

/**
 * The CPU half of a CSV import, in its own thread: parses the UTF-8 bytes the import sends, reads and
 * judges each row, and hands back batches ready to store. The main thread keeps the database and the
 * HTTP connections, so it answers PostgreSQL at once and other users are not held up by an import.
 */

// Far above a real row (a few dozen cells of at most 2,000 characters).
const MAX_RECORD_CHARS = 256 * 1024;

const port = parentPort as NonNullable<typeof parentPort>;
const setup = workerData as CsvWorkerSetup;
installPostalCodeIndex(setup.postalCodes);
const post = (message: FromWorker) => port.postMessage(message);

// Body chunks as they arrive, pulled by the parser as it needs them.
const chunks = new AsyncQueue<Uint8Array>();
// Answers the main thread owes: the header verdict, consent texts, rebuilt batches, writes.
const go = new AsyncQueue<true>();
const textRequests = new Map<number, (texts: Map<string, PublishedText | null>) => void>();
const unwritten = new Map<number, { judged: Judged[]; now: Date }>();
const written = new AsyncQueue<number>();

port.on("message", (m: ToWorker) => {
  switch (m.type) {
    case "chunk":
      chunks.push(m.data);
      break;
    case "end":
      chunks.close();
      break;
    case "go":
      go.push(true);
      break;
    case "texts":
      textRequests.get(m.id)?.(new Map(m.texts));
      textRequests.delete(m.id);
      break;
    case "reject": {
      const { judged, now } = unwritten.get(m.seq) as { judged: Judged[]; now: Date };
      applyRejections(judged, m.rejections);
      post({ type: "rebuilt", seq: m.seq, columns: storeColumnsOf(judged, contextAt(now)) });
      break;
    }
    case "written":
      unwritten.delete(m.seq);
      written.push(m.seq);
      break;
  }
});

const contextAt = (now: Date) => ({ supplierOrgId: setup.supplierOrgId, channel: "csv" as const, importId: setup.importId, now });

async function* bodyChunks(): AsyncGenerator<Uint8Array> {
  for (let chunk = await chunks.next(); chunk; chunk = await chunks.next()) {
    post({ type: "consumed", chunks: 1 });
    yield chunk;
  }
}

let nextTextRequest = 0;
const askTexts = (versions: string[]) =>
  new Promise<Map<string, PublishedText | null>>((resolve) => {
    const id = nextTextRequest++;
    textRequests.set(id, resolve);
    post({ type: "need-texts", id, versions });
  });

async function run() {
  const { delimiter, records } = await openCsvRecords(bodyChunks(), { maxRecordChars: MAX_RECORD_CHARS, queueErrors: true });

  const first = await records.next();
  // The first row is read with the header: together they tell this file from another (resumption).
  const peeked = await records.next();
  const unreadable = !first.done && !Array.isArray(first.value) ? csvErrorMessage(first.value.csvError) : null;
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([first.done ? null : first.value, peeked.done ? null : peeked.value]))
    .digest("hex");
  post({ type: "header", delimiter, cells: first.done || !Array.isArray(first.value) ? null : first.value, unreadable, fingerprint });
  await go.next();
  const columns = readHeader(Array.isArray(first.value) ? first.value : []);
  const reader = csvRowReader(setup.product, columns.names);
  const reportColumns = new Set<string>(REPORT_COLUMNS);
  const extraColumns = reader.unknownColumns.filter((i) => !reportColumns.has(columns.names[i] as string));

  let seq = 0;
  let items: IngestItem[] = [];
  const sendBatch = async () => {
    const { now } = setup;
    const judged = await judgeItems(askTexts, items, now);
    items = [];
    unwritten.set(seq, { judged, now });
    post({
      type: "batch",
      seq: seq++,
      now,
      rows: judged.length,
      candidates: duplicateCandidates(judged),
      columns: storeColumnsOf(judged, contextAt(now)),
    });
    while (unwritten.size >= setup.writeAhead) await written.next();
  };

  let row = 0;
  let tooManyRows = false;
  let malformed: string | null = null;
  for (let r = peeked; !r.done; r = await records.next()) {
    // What follows a broken quote cannot be trusted to be in the right columns: stop there.
    if (!Array.isArray(r.value)) {
      malformed = csvErrorMessage(r.value.csvError);
      break;
    }
    // Excel leaves rows of bare separators where cells were cleared: they are not rows.
    if (isBlankRow(r.value)) continue;
    if (++row > setup.maxRows) {
      tooManyRows = true;
      row--;
      break;
    }
    // A resumption: the rows stored before the interruption are neither judged nor stored again.
    if (row <= setup.resumeAfter) continue;
    const cells = r.value;
    const { submission, fieldErrors } = reader.read(cells);
    items.push({
      submission,
      importRow: row,
      preReasons: fieldErrors,
      // A rejected row keeps every cell (its report must give it back whole); an accepted one only what its lead's columns do not hold.
      payload: (status) => storedPayload(status === "rejected" ? recordOf(columns, cells) : extraCellsOf(columns, extraColumns, cells)),
    });
    if (items.length >= setup.batchSize) await sendBatch();
  }
  // Stops the parser (and so the upload) at once rather than letting it read on behind a broken quote.
  await records.return?.();
  if (items.length > 0) await sendBatch();
  post({ type: "done", rows: row, malformed, tooManyRows });
}

/** Why a record could not be read. */
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

// An unexpected error ends the thread with it: the main thread sees it as the worker's "error" event.
// Otherwise the thread stays until the import terminates it.
await run();
