import type { PublishedText } from "../consent-text-cache";
import type { DuplicateCandidates, Rejection } from "../judge-leads";
import type { StoreColumns } from "../lead-columns";

/**
 * Messages between an import (main thread, which holds the database) and its worker thread (which
 * parses and judges the rows). Only plain data crosses: the batch to store travels as column strings.
 */

export interface CsvWorkerSetup {
  product: string;
  /** Part of what each lead's digest commits to, computed in the worker with the rest of the batch. */
  supplierOrgId: string;
  importId: string;
  batchSize: number;
  maxRows: number;
  /** Batches judged but not yet written, at most: the worker waits beyond that (bounded memory). */
  writeAhead: number;
  /** When the upload started: every row of the file is judged as received at that instant. */
  now: Date;
  /** Rows already stored by an interrupted run of this import: read past, not judged again. */
  resumeAfter: number;
  /** The postal code index of the main thread (reference-data postalCodeIndex), so that the worker builds none. */
  postalCodes: ReadonlyMap<string, string>;
}

export type ToWorker =
  | { type: "chunk"; data: Uint8Array }
  | { type: "end" }
  /** The header was accepted (recorded, required columns present): rows may flow. */
  | { type: "go" }
  | { type: "texts"; id: number; texts: [string, PublishedText | null][] }
  /** The duplicate check rejected these candidates: answer with the batch's columns rebuilt. */
  | { type: "reject"; seq: number; rejections: Rejection[] }
  | { type: "written"; seq: number };

export type FromWorker =
  /** Body chunks the parser has taken: the sender may send as many more. */
  | { type: "consumed"; chunks: number }
  /** `fingerprint`: sha256 of the header and the first row, which recognises the file when it is sent again. */
  | { type: "header"; delimiter: ";" | "," | "\t"; cells: string[] | null; unreadable: string | null; fingerprint: string }
  | { type: "need-texts"; id: number; versions: string[] }
  | {
      type: "batch";
      seq: number;
      now: Date;
      rows: number;
      candidates: DuplicateCandidates;
      columns: StoreColumns;
    }
  | { type: "rebuilt"; seq: number; columns: StoreColumns }
  /** All rows read; `malformed` names why reading stopped early at row `rows + 1`. */
  | { type: "done"; rows: number; malformed: string | null; tooManyRows: boolean };
