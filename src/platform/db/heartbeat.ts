import { sql } from "drizzle-orm";
import type { Clock } from "../clock";
import type { DbOrTx } from "./client";
import { rawRows } from "./raw-rows";

/**
 * Long work that an instance runs on a row (a CSV import) says it is alive: `heartbeat_at` is refreshed
 * every HEARTBEAT_MS while it runs. A row still "running" with no heartbeat for PRESUMED_GONE_AFTER_S
 * belongs to an instance that is gone (killed, crashed, host lost): another instance, or the same one
 * restarted, marks it interrupted. The database's clock decides, the one clock all instances share.
 */
export const HEARTBEAT_MS = 10_000;
export const PRESUMED_GONE_AFTER_S = 60;

type WorkTable = "csv_imports" | "crm_imports";

/** How an uploaded file's import runs: the clock, the length the request announced, smaller batches or row caps in tests. */
export interface ImportRunOptions {
  clock: Clock;
  contentLength?: number;
  batchSize?: number;
  maxRows?: number;
}

export async function heartbeat(db: DbOrTx, table: WorkTable, id: string): Promise<void> {
  await db.execute(sql`update ${sql.identifier(table)} set heartbeat_at = now() where id = ${id} and status = 'running'`);
}

/**
 * Marks interrupted the running rows of instances that are gone, or with `all` every running row (the
 * embedded database is opened by one process only: when it starts, nothing can be running).
 */
export async function markGoneWorkInterrupted(
  db: DbOrTx,
  table: WorkTable,
  opts: { message: string; all?: boolean },
): Promise<{ id: string; orgId: string; totalRows: number }[]> {
  const org = table === "csv_imports" ? "supplier_org_id" : "org_id";
  const result = await rawRows<{ id: string; orgId: string; totalRows: number }>(
    db,
    sql`
    update ${sql.identifier(table)} set status = 'interrupted', error = ${opts.message}
     where status = 'running'
       and (${opts.all ?? false} or heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${PRESUMED_GONE_AFTER_S}))
    returning id::text as id, ${sql.identifier(org)}::text as "orgId", total_rows as "totalRows"`,
  );
  return result;
}

/** Beats for `id` every HEARTBEAT_MS until the returned stop is called (a failed beat is only a missed one). */
export function keepAlive(db: DbOrTx, table: WorkTable, id: string): () => void {
  const timer = setInterval(() => {
    heartbeat(db, table, id).catch(() => {});
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}
