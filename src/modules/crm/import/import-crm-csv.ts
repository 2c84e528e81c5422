import type { Readable } from "node:stream";
import type { Db } from "../../../platform/db/client";
import { type ImportRunOptions, keepAlive } from "../../../platform/db/heartbeat";
import { AppError } from "../../../platform/errors";
import { parisToday } from "../../catalogue/rules/dates";
import type { CrmActor } from "../create-client-with-first-contract";
import {
  addCrmBatchCounts,
  claimCrmImport,
  finishCrmImport,
  getCrmImport,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type RejectedRow,
} from "./crm-imports";
import { loadImportDirectory } from "./import-directory";
import { openCsv } from "./read-csv";
import { type ImportRow, rowToInput } from "./row-to-input";
import { type ImportMemory, writeImportBatch } from "./write-import-batch";

// One transaction per 500 rows: the counters (progress bar) move often, and on the embedded
// database other requests get their turn between two batches.
const BATCH_SIZE = 500;

/**
 * Imports the file of a CRM import whose mapping was confirmed, as it arrives: each row is checked
 * like the form would, then written with its batch. A problem with the whole file before any row is
 * a 400; after, the import ends "failed" with its counts and the rows already written are kept.
 */
export async function importCrmCsv(db: Db, auth: CrmActor, importId: string, body: Readable, opts: ImportRunOptions) {
  const claimed = await claimCrmImport(db, auth.orgId, importId, opts.contentLength);
  const stopBeating = keepAlive(db, "crm_imports", importId);
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  const today = parisToday(opts.clock());
  const progress = { bytesRead: 0 };
  const rejected: RejectedRow[] = [];
  let columns: string[] = [];
  let error: string | null = null;
  let stored = 0;
  try {
    const csv = await openCsv(body, progress, MAX_IMPORT_BYTES);
    columns = csv.columns.names;
    const missing = Object.keys(claimed.mapping).filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      throw new AppError("invalid_csv", {
        message: `Colonnes absentes du fichier : ${missing.join(", ")}. Envoyez le fichier dont vous avez validé la correspondance des colonnes.`,
      });
    }
    const directory = await loadImportDirectory(db, auth.orgId);
    const memory: ImportMemory = {
      orgId: auth.orgId,
      userId: auth.userId,
      clientByKey: new Map(),
      createdClients: new Set(),
      updatedClients: new Set(),
      createdContracts: new Set(),
      updatedContracts: new Set(),
    };
    let ok: { row: ImportRow; record: Record<string, string> }[] = [];
    let refused: RejectedRow[] = [];
    const flush = async () => {
      const records = new Map(ok.map((o) => [o.row.line, o.record]));
      const late = await db.transaction(async (tx) => {
        const written = await writeImportBatch(
          tx,
          memory,
          ok.map((o) => o.row),
        );
        const size = ok.length + refused.length;
        await addCrmBatchCounts(tx, importId, progress.bytesRead, {
          ...written.counts,
          rows: size,
          rejected: refused.length + written.rejected.length,
        });
        return written.rejected;
      });
      for (const r of late) r.record = records.get(r.line) ?? {};
      rejected.push(...refused, ...late);
      stored += ok.length + refused.length;
      ok = [];
      refused = [];
    };

    let count = 0;
    for await (const { line, record } of csv.rows) {
      if (++count > maxRows) {
        error = `Le fichier dépasse ${maxRows.toLocaleString("fr-FR")} lignes : les ${maxRows.toLocaleString("fr-FR")} premières ont été importées, importez la suite dans un autre fichier.`;
        break;
      }
      const outcome = rowToInput(line, record, claimed.mapping, directory, today);
      if (outcome.ok) ok.push({ row: outcome.row, record });
      else refused.push({ line, record, reasons: outcome.reasons });
      if (ok.length + refused.length >= batchSize) await flush();
    }
    if (ok.length + refused.length > 0) await flush();
  } catch (e) {
    const known = e instanceof AppError;
    error = known ? e.message : "Erreur interne pendant l'import : l'équipe technique a été prévenue.";
    if (stored > 0) error += ` Les ${stored} lignes déjà traitées sont conservées.`;
    await finishCrmImport(db, auth, importId, { error, columns, rejected, bytesRead: progress.bytesRead, now: opts.clock() });
    if (!known || stored === 0) throw e;
    return { summary: await getCrmImport(db, auth.orgId, importId), readWholeFile: body.readableEnded };
  } finally {
    stopBeating();
    // What was not read is drained, so the answer can still go out on this connection.
    if (!body.readableEnded) body.resume();
  }
  await finishCrmImport(db, auth, importId, { error, columns, rejected, bytesRead: progress.bytesRead, now: opts.clock() });
  return { summary: await getCrmImport(db, auth.orgId, importId), readWholeFile: body.readableEnded };
}
