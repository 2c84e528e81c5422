import { type SQL, sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { claimAcceptedLeadsSql } from "./claim-accepted-leads";
import { duplicatesSql } from "./ingest-leads";

/**
 * Plans that lagging statistics cannot spoil. The intake's tables grow by thousands of rows a second and
 * the backlog fills and empties within seconds, so the planner's figures are always out of date: these
 * statements must have one sensible plan whatever those figures say.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The plan of `query` after `setup`, both inside a transaction that is rolled back. */
async function planAfter(owner: Db, setup: SQL[], query: SQL): Promise<string> {
  let plan = "";
  await owner
    .transaction(async (tx) => {
      for (const s of setup) await tx.execute(s);
      const rows = await rawRows<{ "QUERY PLAN": string }>(tx, sql`explain ${query}`);
      plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      tx.rollback();
    })
    .catch((e) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
  return plan;
}

// The duplicate check as intake runs it, for one person.
const duplicateCheck = duplicatesSql(
  [{ product: "mutuelle-sante", phone: "+33612345678", email: "jeanne@example.fr" }],
  new Date("2027-01-15T10:00:00Z"),
);
/** How many of the plan's scans use `index`. */
const scansOn = (plan: string, index: string) => plan.split("\n").filter((line) => line.includes(`using ${index}`)).length;

describe("plans the intake relies on", () => {
  // Without its own index (and with table scans priced out), the phone probe must make do with some other
  // plan: what matters is that it can never walk the e-mail index over every lead of the product, as it did
  // on a young table. The e-mail index is then used once, by the e-mail probe; and the reverse.
  it("a duplicate probe for a phone never walks the e-mail index, nor the e-mail probe the phone index", async () => {
    const withoutPhoneIndex = await planAfter(
      database.owner,
      [sql`drop index leads_dup_phone_idx`, sql`set local enable_seqscan = off`],
      duplicateCheck,
    );
    expect(scansOn(withoutPhoneIndex, "leads_dup_email_idx")).toBe(1);
    const withoutEmailIndex = await planAfter(
      database.owner,
      [sql`drop index leads_dup_email_idx`, sql`set local enable_seqscan = off`],
      duplicateCheck,
    );
    expect(scansOn(withoutEmailIndex, "leads_dup_phone_idx")).toBe(1);
    // With both indexes in place, each probe takes its own.
    const plan = await planAfter(database.owner, [], duplicateCheck);
    expect([scansOn(plan, "leads_dup_phone_idx"), scansOn(plan, "leads_dup_email_idx")]).toEqual([1, 1]);
  });

  it("the backlog claim deletes the rows it locked by their address, never by a join", async () => {
    const plan = await planAfter(database.owner, [], claimAcceptedLeadsSql(500));
    expect(plan).toContain("Tid Scan on intake_backlog");
    expect(plan).not.toMatch(/Nested Loop|Hash Join|Merge Join|Semi Join/);
  });
});
