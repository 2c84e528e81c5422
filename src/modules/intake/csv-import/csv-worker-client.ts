import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AsyncQueue } from "../../../lib/async-queue";
import type { PublishedText } from "../consent-text-cache";
import type { Rejection } from "../judge-leads";
import type { StoreColumns } from "../lead-columns";
import type { CsvWorkerSetup, FromWorker, ToWorker } from "./csv-worker-protocol";

// Body chunks sent to the worker and not yet parsed, at most (a few hundred kB): the upload waits beyond.
const CHUNKS_AHEAD = 8;
// The worker is the source file itself under tsx (tests, npm run dev), its bundle next to main.js once built.
const WORKER_URL = new URL(import.meta.url.endsWith(".ts") ? "./csv-worker.ts" : "./csv-worker.js", import.meta.url);

export type CsvHeader = Extract<FromWorker, { type: "header" }>;
/** A batch judged by the worker, with how many bytes of the upload had been read when it arrived (progress). */
export type CsvBatch = Extract<FromWorker, { type: "batch" }> & { bytesRead: number };
export type CsvDone = Extract<FromWorker, { type: "done" }>;

interface CsvWorkerSource {
  /** The upload as UTF-8 chunks; its failure ends the import with that error. */
  chunks: AsyncIterable<Uint8Array>;
  /** Bytes of the upload read so far. */
  bytesRead(): number;
  /** The published consent texts of these versions (null: unknown version), asked by the worker as it judges. */
  texts(versions: string[]): Promise<Iterable<[string, PublishedText | null]>>;
}

/**
 * The main thread's side of the CSV worker (csv-worker.ts), so that an import reads as a short loop:
 * `header()`, `go()`, then `batches()` to write one by one, `rebuild()` when the duplicate check rejects
 * rows of a batch, `written()` once one is stored, and `close()`. The upload is fed to the worker with
 * flow control, and its questions about consent texts are answered here, out of the loop's way.
 */
export class CsvWorkerClient {
  private readonly worker: Worker;
  private readonly inbox = new AsyncQueue<CsvHeader | CsvBatch | CsvDone>();
  private readonly credit = new AsyncQueue<true>();
  private readonly rebuilds = new Map<number, { resolve(columns: StoreColumns): void; reject(e: unknown): void }>();
  private stopFeeding = false;

  constructor(setup: CsvWorkerSetup, source: CsvWorkerSource) {
    this.worker = startWorker(setup);
    for (let i = 0; i < CHUNKS_AHEAD; i++) this.credit.push(true);
    // Flow control, rebuilt batches and texts are answered at once (a write may be waiting for a rebuild
    // after the worker is done); headers, batches and the end are taken in order by the import.
    this.worker.on("message", (m: FromWorker) => {
      if (m.type === "consumed") for (let i = 0; i < m.chunks; i++) this.credit.push(true);
      else if (m.type === "rebuilt") {
        this.rebuilds.get(m.seq)?.resolve(m.columns);
        this.rebuilds.delete(m.seq);
      } else if (m.type === "need-texts") {
        source.texts(m.versions).then(
          (texts) => this.send({ type: "texts", id: m.id, texts: [...texts] }),
          (e) => this.fail(e),
        );
      } else if (m.type === "batch") this.inbox.push({ ...m, bytesRead: source.bytesRead() });
      else this.inbox.push(m);
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => this.fail(new Error(`CSV worker stopped (exit code ${code})`)));
    this.feed(source.chunks).catch((e) => this.fail(e));
  }

  /** The file's first line, read by the worker: nothing more comes before `go()`. */
  async header(): Promise<CsvHeader> {
    const m = await this.inbox.next();
    if (m?.type !== "header") throw new Error(`CSV worker: header expected, got ${m?.type}`);
    return m;
  }

  /** The header is accepted: rows may flow. */
  go() {
    this.send({ type: "go" });
  }

  /** The judged batches in order; the generator returns how the reading ended. */
  async *batches(): AsyncGenerator<CsvBatch, CsvDone> {
    for (;;) {
      const m = await this.inbox.next();
      if (m?.type === "batch") yield m;
      else if (m?.type === "done") return m;
      else throw new Error(`CSV worker: batch expected, got ${m?.type}`);
    }
  }

  /** The batch's columns rebuilt without the rows the duplicate check rejected. */
  rebuild(seq: number, rejections: Rejection[]): Promise<StoreColumns> {
    return new Promise<StoreColumns>((resolve, reject) => {
      this.rebuilds.set(seq, { resolve, reject });
      this.send({ type: "reject", seq, rejections });
    });
  }

  /** The batch is stored: the worker may judge one more ahead. */
  written(seq: number) {
    this.send({ type: "written", seq });
  }

  async close() {
    this.stopFeeding = true;
    this.credit.push(true);
    await this.worker.terminate();
  }

  private send(message: ToWorker) {
    this.worker.postMessage(message);
  }

  private fail(e: unknown) {
    this.inbox.fail(e);
    for (const pending of this.rebuilds.values()) pending.reject(e);
  }

  /** The upload goes chunk by chunk, never more than CHUNKS_AHEAD ahead of the parser. */
  private async feed(chunks: AsyncIterable<Uint8Array>) {
    for await (const chunk of chunks) {
      await this.credit.next();
      if (this.stopFeeding) return;
      this.send({ type: "chunk", data: chunk });
    }
    this.send({ type: "end" });
  }
}

function startWorker(setup: CsvWorkerSetup): Worker {
  const options = {
    workerData: setup,
    // A larger young generation than V8 gives a thread by default: most of what a row allocates dies
    // within its batch, and collecting it there is far cheaper than promoting it. 32 MB, not 48: 48 was
    // about 5% faster but took the server past 300 MB of RSS. npm start's --max-semi-space-size caps it
    // too (three semi-spaces: 30 MB at 10), whatever is asked here (decision 006).
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
