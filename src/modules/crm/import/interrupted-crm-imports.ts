import type { DbOrTx } from "../../../platform/db/client";
import { markGoneWorkInterrupted } from "../../../platform/db/heartbeat";

const MESSAGE =
  "Import interrompu par un arrêt du serveur. Les lignes traitées jusque-là sont enregistrées : renvoyez le fichier dans un nouvel import, les clients et contrats déjà créés seront mis à jour, pas dupliqués.";

/** CRM imports whose instance is gone become "interrupted": what was written stays. */
export async function markInterruptedCrmImports(db: DbOrTx, opts: { all?: boolean } = {}): Promise<string[]> {
  return (await markGoneWorkInterrupted(db, "crm_imports", { message: MESSAGE, all: opts.all })).map((r) => r.id);
}
