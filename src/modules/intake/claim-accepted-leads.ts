import { sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";

/**
 * Takes up to `limit` accepted leads off the backlog, oldest first (ids are UUIDv7), for the caller's
 * transaction: committed, they are gone; rolled back (a crash), they are back for the next router.
 * SKIP LOCKED lets several instances route side by side without waiting on each other's leads.
 */
export async function claimAcceptedLeads(tx: Tx, limit: number): Promise<string[]> {
  const rows = await rawRows<{ lead_id: string }>(
    tx,
    sql`delete from intake_backlog where lead_id in (
          select lead_id from intake_backlog order by lead_id limit ${limit} for update skip locked)
        returning lead_id`,
  );
  return rows.map((r) => r.lead_id).sort();
}
