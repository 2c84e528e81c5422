import type { DbOrTx } from "../../../platform/db/client";
import { markGoneWorkInterrupted } from "../../../platform/db/heartbeat";
import { appendAuditEvent } from "../../audit";

export const INTERRUPTED_MESSAGE =
  "Import interrompu par un arrêt du serveur. Les lignes traitées jusque-là sont conservées : renvoyez le même fichier pour reprendre à la ligne suivante.";

/** Supplier imports whose instance is gone become "interrupted" (rows stored so far kept and counted), in the journal too. */
export async function markInterruptedImports(db: DbOrTx, opts: { all?: boolean } = {}): Promise<string[]> {
  const marked = await markGoneWorkInterrupted(db, "csv_imports", { message: INTERRUPTED_MESSAGE, all: opts.all });
  for (const r of marked) {
    await appendAuditEvent(db, {
      actor: { orgId: r.orgId },
      action: "csv_import.interrupted",
      entityType: "csv_import",
      entityId: r.id,
      data: { storedRows: r.totalRows },
    });
  }
  return marked.map((r) => r.id);
}
