import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";

/**
 * Takes up to `limit` accepted leads off the backlog, oldest first (ids are UUIDv7), for the caller's
 * transaction: committed, they are gone; rolled back (a crash), they are back for the next router.
 * SKIP LOCKED lets several instances route side by side without waiting on each other's leads.
 * The locked rows are deleted by their row address (a TID scan), not joined back by id: the backlog is a
 * queue whose statistics are always stale (it fills and empties within seconds), and with "1 row" in its
 * statistics the join was a nested loop that scanned the backlog once per claimed lead: 0.5-0.8 s a claim
 * at 30,000 queued leads, which halved the CSV import's speed.
 */
export async function claimAcceptedLeads(tx: Tx, limit: number): Promise<string[]> {
  const rows = await rawRows<{ lead_id: string }>(tx, claimAcceptedLeadsSql(limit));
  return rows.map((r) => r.lead_id).sort();
}

/** The claim's statement, on its own so that a test can check its plan. */
export const claimAcceptedLeadsSql = (limit: number): SQL =>
  sql`delete from intake_backlog where ctid = any(array(
        select ctid from intake_backlog order by lead_id limit ${limit} for update skip locked))
      returning lead_id`;
