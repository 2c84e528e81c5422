import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { AuthContext } from "../../../platform/auth-context";
import { actorOf } from "../../../platform/auth-context";
import type { DbOrTx } from "../../../platform/db/client";
import { AppError, notFound } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import { productBySlug } from "../../catalogue/rules";
import { csvImports } from "../schema";

export const MAX_ROWS = 100_000;
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const RECENT = 50;

export const importSummaryColumns = {
  id: csvImports.id,
  product: csvImports.product,
  filename: csvImports.filename,
  status: csvImports.status,
  sizeBytes: csvImports.sizeBytes,
  bytesRead: csvImports.bytesRead,
  totalRows: csvImports.totalRows,
  accepted: csvImports.accepted,
  rejected: csvImports.rejected,
  error: csvImports.error,
  createdAt: csvImports.createdAt,
  finishedAt: csvImports.finishedAt,
};

export type ImportSummary = {
  [K in keyof typeof importSummaryColumns]: (typeof csvImports.$inferSelect)[K];
};

const tooLarge = () =>
  new AppError("payload_too_large", { message: "Fichier trop volumineux : 200 Mo au maximum. Découpez-le en plusieurs fichiers." });

export async function createImport(db: DbOrTx, auth: AuthContext, input: { product: string; filename: string; sizeBytes: number }) {
  if (!productBySlug(input.product))
    throw new AppError("validation_error", { field: "product", message: `Produit inconnu : « ${input.product} »` });
  if (input.sizeBytes > MAX_FILE_BYTES) throw tooLarge();
  const [row] = await db
    .insert(csvImports)
    .values({
      supplierOrgId: auth.orgId,
      userId: auth.userId,
      product: input.product,
      filename: input.filename,
      sizeBytes: input.sizeBytes,
    })
    .returning({ id: csvImports.id });
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function getImport(db: DbOrTx, orgId: string, id: string): Promise<ImportSummary> {
  const [row] = await db
    .select(importSummaryColumns)
    .from(csvImports)
    .where(and(eq(csvImports.id, id), eq(csvImports.supplierOrgId, orgId)))
    .limit(1);
  // Another organisation's import answers like a missing one: its existence is not disclosed.
  if (!row) throw notFound("Import");
  return row;
}

export async function listImports(db: DbOrTx, orgId: string) {
  const items = await db
    .select(importSummaryColumns)
    .from(csvImports)
    .where(eq(csvImports.supplierOrgId, orgId))
    .orderBy(desc(csvImports.createdAt))
    .limit(RECENT);
  return { items };
}

/**
 * pending (or interrupted: a resumption) → running in one statement, so two uploads to the same import
 * cannot both proceed. The Content-Length, when the client sends one, is a truer size than the one
 * announced at creation. A resumption starts after the rows already stored (`resumeAfter`).
 */
export async function claimImport(db: DbOrTx, orgId: string, id: string, contentLength: number | undefined) {
  if (contentLength !== undefined && contentLength > MAX_FILE_BYTES) throw tooLarge();
  const [row] = await db
    .update(csvImports)
    .set({ status: "running", heartbeatAt: sql`now()`, error: null, ...(contentLength !== undefined ? { sizeBytes: contentLength } : {}) })
    .where(and(eq(csvImports.id, id), eq(csvImports.supplierOrgId, orgId), inArray(csvImports.status, ["pending", "interrupted"])))
    .returning({
      product: csvImports.product,
      filename: csvImports.filename,
      resumeAfter: csvImports.totalRows,
      fingerprint: csvImports.fingerprint,
    });
  if (row) return row;
  const existing = await getImport(db, orgId, id);
  if (existing.status === "running") throw new AppError("conflict", { message: "Cet import est en cours : attendez qu'il se termine." });
  throw new AppError("conflict", { message: "Ce fichier a déjà été envoyé pour cet import : créez un nouvel import." });
}

/** A resumption whose file is not the one first sent: the import goes back to interrupted, untouched. */
export async function releaseImport(db: DbOrTx, id: string, error: string) {
  await db
    .update(csvImports)
    .set({ status: "interrupted", error })
    .where(and(eq(csvImports.id, id), eq(csvImports.status, "running")));
}

export interface ImportCounts {
  bytesRead: number;
  totalRows: number;
  accepted: number;
  rejected: number;
}

/**
 * Counters move in the batch's own transaction, so the progress bar never runs ahead of the stored
 * leads, and a resumption knows exactly which rows are stored. An import declared interrupted meanwhile
 * (its heartbeat was late) takes no more rows: the batch is rolled back with this error.
 */
export async function addBatchCounts(tx: DbOrTx, id: string, bytesRead: number, batch: { rows: number; accepted: number }) {
  const updated = await tx
    .update(csvImports)
    .set({
      bytesRead,
      heartbeatAt: sql`now()`,
      totalRows: sql`${csvImports.totalRows} + ${batch.rows}`,
      accepted: sql`${csvImports.accepted} + ${batch.accepted}`,
      rejected: sql`${csvImports.rejected} + ${batch.rows - batch.accepted}`,
    })
    .where(and(eq(csvImports.id, id), eq(csvImports.status, "running")))
    .returning({ id: csvImports.id });
  if (updated.length === 0) {
    throw new AppError("conflict", {
      message: "Cet import a été déclaré interrompu pendant son traitement : renvoyez le même fichier pour le reprendre.",
    });
  }
}

export async function finishImport(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
  outcome: { counts: ImportCounts; encoding: string | null; error: string | null; interrupted?: boolean; now: Date },
) {
  const status = outcome.interrupted ? ("interrupted" as const) : outcome.error ? ("failed" as const) : ("done" as const);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(csvImports)
      .set({ status, error: outcome.error, bytesRead: outcome.counts.bytesRead, finishedAt: outcome.interrupted ? null : outcome.now })
      // Declared interrupted meanwhile by another instance (this one was presumed gone): left as it is.
      .where(and(eq(csvImports.id, id), eq(csvImports.status, "running")))
      .returning({ totalRows: csvImports.totalRows, accepted: csvImports.accepted, rejected: csvImports.rejected });
    if (!row) return;
    // The import's counts, a resumption's rows included: what the supplier sees.
    await appendAuditEvent(tx, {
      actor: actorOf(auth),
      action: "csv_import.finished",
      entityType: "csv_import",
      entityId: id,
      data: {
        status,
        ...row,
        bytesRead: outcome.counts.bytesRead,
        encoding: outcome.encoding,
        ...(outcome.error ? { error: outcome.error } : {}),
      },
    });
  });
}

/**
 * The header as received goes into the journal: it is also what orders the columns of the rejection
 * report. The file's fingerprint is kept on the import, to recognise it if it is sent again to resume.
 */
export async function recordImportStart(
  db: DbOrTx,
  auth: AuthContext,
  id: string,
  data: { product: string; filename: string; delimiter: string | null; columns: string[]; fingerprint: string | null },
) {
  const { fingerprint, ...journal } = data;
  if (fingerprint) await db.update(csvImports).set({ fingerprint }).where(eq(csvImports.id, id));
  await appendAuditEvent(db, { actor: actorOf(auth), action: "csv_import.started", entityType: "csv_import", entityId: id, data: journal });
}

/** A resumption, in the journal: from which row the file is read again. */
export async function recordImportResumed(db: DbOrTx, auth: AuthContext, id: string, data: { resumeAfter: number }) {
  await appendAuditEvent(db, { actor: actorOf(auth), action: "csv_import.resumed", entityType: "csv_import", entityId: id, data });
}
