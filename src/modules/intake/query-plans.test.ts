import { type SQL, sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { claimAcceptedLeadsSql } from "./claim-accepted-leads";
import { duplicatesSql } from "./ingest-leads";
import { toStoreColumns } from "./lead-columns";
import { storeLeadsSql } from "./store-leads";

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

  it("the intake asks the active orders' product index whether an order wants a lead, however many orders there are", async () => {
    const at = new Date("2027-01-15T10:00:00Z");
    const supplierOrgId = "0194a000-0000-7000-8000-000000000001";
    const leadId = "0194a000-0000-7000-8000-000000000002";
    const person = {
      firstName: "Jeanne",
      lastName: "Martin",
      phone: "+33612345678",
      email: "jeanne@example.fr",
      postalCode: "75011",
      city: "Paris",
    };
    const columns = toStoreColumns(
      [
        {
          ...person,
          id: leadId,
          product: "mutuelle-sante",
          type: "lead",
          status: "accepted",
          reasons: [],
          externalRef: null,
          departement: "75",
          fields: {},
          payload: null,
          payloadRaw: null,
          importRow: null,
        },
      ],
      [
        {
          leadId,
          method: "checkbox",
          prechecked: false,
          consentTextId: "0194a000-0000-7000-8000-000000000003",
          textVersion: "v1",
          textSha256: "0".repeat(64),
          collectedAt: at,
          ip: "203.0.113.7",
          userAgent: "Mozilla/5.0",
          sourceUrl: "https://example.fr/devis",
          callCenter: null,
          agent: null,
          recordingRef: null,
          fingerprint: "0".repeat(64),
        },
      ],
      { supplierOrgId, channel: "api", importId: null, now: at },
    );
    // Thousands of active orders for another product: the probe must not read them all for each statement.
    const plan = await planAfter(
      database.owner,
      [
        sql`insert into organisations (id, kind, name) values ('0194a000-0000-7000-8000-000000000004', 'courtier', 'Cabinet')`,
        sql`insert into broker_orders (id, org_id, name, products, lead_type, departements, weekly_cap, status, created_at, updated_at)
            select gen_random_uuid(), '0194a000-0000-7000-8000-000000000004', 'Auto', array['assurance-auto'], 'lead', '{}', 10, 'active', now(), now()
            from generate_series(1, 5000)`,
        sql`analyze broker_orders`,
      ],
      storeLeadsSql({ orgId: supplierOrgId, userId: null, apiKeyId: null }, columns),
    );
    expect(plan).toContain("broker_orders_active_products_idx");
    expect(plan).not.toMatch(/Seq Scan on broker_orders/);
  });

  it("the backlog claim deletes the rows it locked by their address, never by a join", async () => {
    const plan = await planAfter(database.owner, [], claimAcceptedLeadsSql(500));
    expect(plan).toContain("Tid Scan on intake_backlog");
    expect(plan).not.toMatch(/Nested Loop|Hash Join|Merge Join|Semi Join/);
  });
});
