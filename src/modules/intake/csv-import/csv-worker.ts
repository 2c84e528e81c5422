import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parentPort, workerData } from "node:worker_threads";
import { type CsvError, type Parser, parse } from "csv-parse";
import { AsyncQueue } from "../../../shared/async-queue";
import { csvRowReader } from "../../../shared/catalogue";
import type { PublishedText } from "../consent-text-cache";
import { candidateOf, type IngestItem, isCandidate, type Judged, judgeItems, storeColumnsOf } from "../judge-leads";
import { extraCellsOf, isBlankRow, REPORT_COLUMNS, readHeader, recordOf } from "./columns";
import type { CsvWorkerSetup, FromWorker, ToWorker } from "./csv-worker-protocol";
import { detectDelimiter } from "./decode";

/**
 * The CPU half of a CSV import, in its own thread: parses the UTF-8 bytes the import sends, reads and
 * judges each row, and hands back batches ready to store. The main thread keeps the database and the
 * HTTP connections, so it answers PostgreSQL at once and other users are not held up by an import.
 */

const HEAD_BYTES = 64 * 1024;
// Far above a real row (a few dozen cells of at most 2,000 characters).
const MAX_RECORD_CHARS = 256 * 1024;

const port = parentPort as NonNullable<typeof parentPort>;
const setup = workerData as CsvWorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);

// Body chunks as they arrive, pulled by the parser as it needs them.
const chunks = new AsyncQueue<Uint8Array>();
// Answers the main thread owes: the header verdict, consent texts, rebuilt batches, writes.
let go: () => void;
const started = new Promise<void>((resolve) => {
  go = resolve;
});
const textRequests = new Map<number, (texts: Map<string, PublishedText | null>) => void>();
const unwritten = new Map<number, Judged[]>();
let wakeWriter: (() => void) | null = null;

port.on("message", (m: ToWorker) => {
  switch (m.type) {
    case "chunk":
      chunks.push(m.data);
      break;
    case "end":
      chunks.close();
      break;
    case "go":
      go();
      break;
    case "texts":
      textRequests.get(m.id)?.(new Map(m.texts));
      textRequests.delete(m.id);
      break;
    case "reject": {
      const judged = unwritten.get(m.seq) as Judged[];
      for (const { index, reasons } of m.rejections) (judged[index] as Judged).reasons.push(...reasons);
      post({ type: "rebuilt", seq: m.seq, columns: storeColumnsOf(judged) });
      break;
    }
    case "written":
      unwritten.delete(m.seq);
      wakeWriter?.();
      break;
  }
});

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
  const source = bodyChunks();
  const head = await readHead(source);
  const delimiter = detectDelimiter(Buffer.concat(head).toString("utf8"));
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
  pipeline(Readable.from(prepend(head, source), { objectMode: false }), parser).catch(() => {});
  const records: AsyncIterator<string[] | { csvError: CsvError }> = parser[Symbol.asyncIterator]();

  const first = await records.next();
  const unreadable = !first.done && !Array.isArray(first.value) ? csvErrorMessage(first.value.csvError) : null;
  post({ type: "header", delimiter, cells: first.done || !Array.isArray(first.value) ? null : first.value, unreadable });
  await started;
  const columns = readHeader(Array.isArray(first.value) ? first.value : []);
  const reader = csvRowReader(setup.product, columns.names);
  const reportColumns = new Set<string>(REPORT_COLUMNS);
  const extraColumns = reader.unknownColumns.filter((i) => !reportColumns.has(columns.names[i] as string));

  let seq = 0;
  let items: IngestItem[] = [];
  const sendBatch = async () => {
    const now = new Date();
    const judged = await judgeItems(askTexts, items, now);
    items = [];
    const candidates = judged.flatMap((j, index) => (isCandidate(j) ? [index] : []));
    unwritten.set(seq, judged);
    post({
      type: "batch",
      seq: seq++,
      now,
      rows: judged.length,
      candidates: { index: candidates, people: candidates.map((i) => candidateOf(judged[i] as Judged)) },
      columns: storeColumnsOf(judged),
    });
    while (unwritten.size >= setup.writeAhead) await new Promise<void>((resolve) => (wakeWriter = resolve));
  };

  let row = 0;
  let tooManyRows = false;
  let malformed: string | null = null;
  for (let r = await records.next(); !r.done; r = await records.next()) {
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
    const cells = r.value;
    const { submission, fieldErrors } = reader.read(cells);
    items.push({
      submission,
      importRow: row,
      preReasons: fieldErrors,
      // A rejected row keeps every cell (its report must give it back whole); an accepted one only what its lead's columns do not hold.
      payload: (status) => (status === "rejected" ? recordOf(columns, cells) : extraCellsOf(columns, extraColumns, cells)),
    });
    if (items.length >= setup.batchSize) await sendBatch();
  }
  // Stops the parser (and so the upload) at once rather than letting it read on behind a broken quote.
  await records.return?.();
  if (items.length > 0) await sendBatch();
  post({ type: "done", rows: row, malformed, tooManyRows });
}

/** Enough of the start of the file to see its header line, to pick the separator before parsing. */
async function readHead(source: AsyncGenerator<Uint8Array>) {
  const buffers: Uint8Array[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await source.next();
    if (next.done) break;
    buffers.push(next.value);
    size += next.value.length;
    if (next.value.includes(0x0a) || next.value.includes(0x0d)) break;
  }
  return buffers;
}

async function* prepend(head: Uint8Array[], rest: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  yield* rest;
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
