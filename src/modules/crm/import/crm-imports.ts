import { and, desc, eq, sql } from "drizzle-orm";
import { readableText, storableJson } from "../../../lib/json-text";
import type { DbOrTx } from "../../../platform/db/client";
import { AppError, notFound, validationError } from "../../../platform/errors";
import { appendAuditEvent } from "../../audit";
import type { CrmActor } from "../create-client-with-first-contract";
import { crmImports } from "../schema";
import { IMPORT_FIELD_KEYS, IMPORT_FIELDS, REQUIRED_MAPPING } from "./import-fields";

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export const importSummaryColumns = {
  id: crmImports.id,
  filename: crmImports.filename,
  status: crmImports.status,
  mapping: crmImports.mapping,
  sizeBytes: crmImports.sizeBytes,
  bytesRead: crmImports.bytesRead,
  totalRows: crmImports.totalRows,
  clientsCreated: crmImports.clientsCreated,
  clientsUpdated: crmImports.clientsUpdated,
  contractsCreated: crmImports.contractsCreated,
  contractsUpdated: crmImports.contractsUpdated,
  rejectedRows: crmImports.rejectedRows,
  error: crmImports.error,
  createdAt: crmImports.createdAt,
  finishedAt: crmImports.finishedAt,
};

/** A column mapped to nothing is ignored; a field can only come from one column. */
export function checkMapping(mapping: Record<string, string | null>): Record<string, string> {
  const kept: Record<string, string> = {};
  const seen = new Map<string, string>();
  const issues: { field: string; message: string }[] = [];
  for (const [column, key] of Object.entries(mapping)) {
    if (!key) continue;
    if (!IMPORT_FIELD_KEYS.has(key)) issues.push({ field: `mapping.${column}`, message: `Champ inconnu : « ${key} »` });
    else if (seen.has(key)) {
      const label = IMPORT_FIELDS.find((f) => f.key === key)?.label ?? key;
      issues.push({ field: `mapping.${column}`, message: `« ${label} » est déjà associé à la colonne « ${seen.get(key)} »` });
    } else {
      seen.set(key, column);
      kept[column] = key;
    }
  }
  for (const oneOf of REQUIRED_MAPPING) {
    if (oneOf.some((k) => seen.has(k))) continue;
    const labels = oneOf.map((k) => `« ${IMPORT_FIELDS.find((f) => f.key === k)?.label} »`).join(" ou ");
    issues.push({ field: "mapping", message: `Associez une colonne à ${labels} : sans elle aucune ligne ne peut être importée` });
  }
  if (issues.length > 0) throw validationError(issues);
  return kept;
}

export async function createCrmImport(
  db: DbOrTx,
  auth: CrmActor,
  input: { filename: string; sizeBytes?: number | null; mapping: Record<string, string | null> },
) {
  if ((input.sizeBytes ?? 0) > MAX_IMPORT_BYTES)
    throw new AppError("payload_too_large", { message: "Fichier trop volumineux : 100 Mo au maximum" });
  const mapping = checkMapping(input.mapping);
  const [row] = await db
    .insert(crmImports)
    .values({ orgId: auth.orgId, userId: auth.userId, filename: input.filename, sizeBytes: input.sizeBytes ?? null, mapping })
    .returning({ id: crmImports.id });
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function getCrmImport(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select(importSummaryColumns)
    .from(crmImports)
    .where(and(eq(crmImports.id, id), eq(crmImports.orgId, orgId)))
    .limit(1);
  // Another organisation's import answers like a missing one.
  if (!row) throw notFound("Import");
  return row;
}

export async function listCrmImports(db: DbOrTx, orgId: string) {
  const items = await db
    .select(importSummaryColumns)
    .from(crmImports)
    .where(eq(crmImports.orgId, orgId))
    .orderBy(desc(crmImports.createdAt))
    .limit(20);
  return { items };
}

/** pending → running in one statement: the same file cannot be processed twice at once. */
export async function claimCrmImport(db: DbOrTx, orgId: string, id: string, contentLength: number | undefined) {
  if (contentLength !== undefined && contentLength > MAX_IMPORT_BYTES) {
    throw new AppError("payload_too_large", { message: "Fichier trop volumineux : 100 Mo au maximum" });
  }
  const [row] = await db
    .update(crmImports)
    .set({ status: "running", heartbeatAt: sql`now()`, ...(contentLength !== undefined ? { sizeBytes: contentLength } : {}) })
    .where(and(eq(crmImports.id, id), eq(crmImports.orgId, orgId), eq(crmImports.status, "pending")))
    .returning({ filename: crmImports.filename, mapping: crmImports.mapping });
  if (row) return row;
  await getCrmImport(db, orgId, id);
  throw new AppError("conflict", { message: "Le fichier de cet import a déjà été envoyé : recommencez un nouvel import." });
}

export interface BatchCounts {
  rows: number;
  clientsCreated: number;
  clientsUpdated: number;
  contractsCreated: number;
  contractsUpdated: number;
  rejected: number;
}

/** In the batch's own transaction: the progress shown never runs ahead of what is stored. */
export async function addCrmBatchCounts(tx: DbOrTx, id: string, bytesRead: number, c: BatchCounts) {
  await tx
    .update(crmImports)
    .set({
      bytesRead: sql`greatest(${crmImports.bytesRead}, ${bytesRead})`,
      totalRows: sql`${crmImports.totalRows} + ${c.rows}`,
      clientsCreated: sql`${crmImports.clientsCreated} + ${c.clientsCreated}`,
      clientsUpdated: sql`${crmImports.clientsUpdated} + ${c.clientsUpdated}`,
      contractsCreated: sql`${crmImports.contractsCreated} + ${c.contractsCreated}`,
      contractsUpdated: sql`${crmImports.contractsUpdated} + ${c.contractsUpdated}`,
      rejectedRows: sql`${crmImports.rejectedRows} + ${c.rejected}`,
    })
    .where(eq(crmImports.id, id));
}

export interface RejectedRow {
  line: number;
  record: Record<string, string>;
  reasons: string[];
}

export async function finishCrmImport(
  db: DbOrTx,
  auth: CrmActor,
  id: string,
  outcome: { error: string | null; columns: string[]; rejected: RejectedRow[]; bytesRead: number; now: Date },
) {
  const status = outcome.error ? ("failed" as const) : ("done" as const);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(crmImports)
      .set({
        status,
        error: outcome.error,
        columns: outcome.columns,
        // The rows as read, reasons quoting their cells: made storable text (a cell with a NUL is shown with U+FFFD).
        report: outcome.rejected.map((r) => ({
          ...r,
          record: storableJson(r.record) as RejectedRow["record"],
          reasons: r.reasons.map(readableText),
        })),
        bytesRead: outcome.bytesRead,
        finishedAt: outcome.now,
      })
      .where(eq(crmImports.id, id))
      .returning(importSummaryColumns);
    await appendAuditEvent(tx, {
      actor: auth,
      action: "crm_import.finished",
      entityType: "crm_import",
      entityId: id,
      data: {
        status,
        totalRows: row?.totalRows,
        clientsCreated: row?.clientsCreated,
        clientsUpdated: row?.clientsUpdated,
        contractsCreated: row?.contractsCreated,
        contractsUpdated: row?.contractsUpdated,
        rejectedRows: row?.rejectedRows,
        ...(outcome.error ? { error: outcome.error } : {}),
      },
    });
  });
}
