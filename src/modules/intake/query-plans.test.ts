import { type SQL, sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { claimAcceptedLeadsSql } from "./claim-accepted-leads";

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

const probe = (column: "phone" | "email") =>
  sql`select 1 from leads l where l.product = 'mutuelle-sante' and l.${sql.raw(column)} = 'x'
      and l.status = 'accepted' and l.created_at > now() - interval '30 days' limit 1`;

describe("plans the intake relies on", () => {
  // Without its own index (and with table scans priced out), a probe must make do with some other plan:
  // what matters is that it can never walk the other column's index over every lead of the product, as the
  // phone probe did on a young table.
  it("a duplicate probe for a phone never walks the e-mail index, nor the e-mail probe the phone index", async () => {
    const phonePlan = await planAfter(
      database.owner,
      [sql`drop index leads_dup_phone_idx`, sql`set local enable_seqscan = off`],
      probe("phone"),
    );
    expect(phonePlan).toContain("on leads");
    expect(phonePlan).not.toContain("leads_dup_email_idx");
    const emailPlan = await planAfter(
      database.owner,
      [sql`drop index leads_dup_email_idx`, sql`set local enable_seqscan = off`],
      probe("email"),
    );
    expect(emailPlan).not.toContain("leads_dup_phone_idx");
    // With both indexes in place, each probe takes its own.
    expect(await planAfter(database.owner, [], probe("phone"))).toContain("leads_dup_phone_idx");
  });

  it("the backlog claim deletes the rows it locked by their address, never by a join", async () => {
    const plan = await planAfter(database.owner, [], claimAcceptedLeadsSql(500));
    expect(plan).toContain("Tid Scan on intake_backlog");
    expect(plan).not.toMatch(/Nested Loop|Hash Join|Merge Join|Semi Join/);
  });
});
