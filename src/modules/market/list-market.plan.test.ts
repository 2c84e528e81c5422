import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkStockSql } from "../../../tests/support/bulk-stock";
import { coverEveryCategory, operatorSession, verifiedBuyer } from "../../../tests/support/market";
import { createTestApp, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import type { Db } from "../../platform/db/client";
import { listMarket, type MarketFilters } from "./list-market";
import { ensurePriceGrid } from "./price-grid";

/**
 * The listing's plan on a stock the size where it matters (decision 014): with a département filter,
 * PostgreSQL misjudges each price group and, left to itself, reads the group by a bitmap scan and sorts
 * it whole (622 ms against 9 ms at 1,000,000 leads). The queries listMarket sends, as it sends them, are
 * explained here with the settings it gives them: each must read the stock by index, in order.
 * PostgreSQL only: PGlite is the one-user embedded database, where a stock this size is not kept.
 */
const now = new Date("2026-12-03T10:00:00+01:00");
const STOCK = 60_000;
let ctx: TestContext;
let viewerOrgId: string;
let pool: pg.Pool;

describe.runIf(process.env.DATABASE_URL)("marketplace listing plan (PostgreSQL)", () => {
  beforeAll(async () => {
    ctx = await createTestApp({}, { clock: () => new Date(now) });
    const supplier = await supplierFixture(ctx);
    await ensurePriceGrid(ctx.db, now);
    await coverEveryCategory(ctx, supplier.version);
    viewerOrgId = (await verifiedBuyer(ctx, { operatorId: (await operatorSession(ctx)).user.id, now })).orgId;
    // As bench:market stocks them: received over the last day, spread over products and départements.
    const owner = new pg.Client({ connectionString: ctx.database.urls?.owner });
    await owner.connect();
    const { text, values } = bulkStockSql(STOCK, { at: now, supplierOrgId: supplier.org.id, consentVersion: supplier.version });
    await owner.query(text, values).finally(() => owner.end());
    await ctx.owner.execute(sql`analyze leads, lead_consents, market_listings`);
    pool = new pg.Pool({ connectionString: ctx.database.urls?.app, max: 2 });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await ctx?.close();
  });

  /** listMarket on a client that notes every statement it sends. */
  async function listingStatements(filters: Partial<MarketFilters>) {
    const sent: { query: string; params: unknown[] }[] = [];
    const noted = drizzle(pool, { logger: { logQuery: (query, params) => sent.push({ query, params }) } }) as unknown as Db;
    const listed = await listMarket(noted, viewerOrgId, { sort: "recent", page: 1, pageSize: 25, ...filters }, now);
    const settings = sent.filter((s) => /^set local /i.test(s.query)).map((s) => s.query);
    const queries = sent.filter((s) => /from market_listings l/.test(s.query));
    return { listed, settings, queries };
  }

  /** The plan's nodes that read the stock, as PostgreSQL plans the query under the given settings. */
  async function stockScans(query: { query: string; params: unknown[] }, settings: string[]) {
    const c = await pool.connect();
    try {
      await c.query("begin");
      for (const s of settings) await c.query(s);
      const { rows } = await c.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`explain (format json) ${query.query}`, query.params);
      return nodesOf(rows[0]?.["QUERY PLAN"][0].Plan).filter((n) => n["Relation Name"] === "market_listings");
    } finally {
      await c.query("rollback");
      c.release();
    }
  }

  it.each([
    ["a département alone", { departement: "69" }],
    ["a product and a département", { product: "assurance-auto", departement: "75" }],
  ])("reads the stock by index in reception order for %s", async (_, filters) => {
    const { listed, settings, queries } = await listingStatements(filters);
    expect(listed.items.length).toBe(25);
    expect(queries).toHaveLength(2);
    // Each of the two queries runs in its own transaction with bitmap scans off.
    expect(settings).toEqual(["set local enable_bitmapscan = off", "set local enable_bitmapscan = off"]);
    for (const q of queries) {
      const scans = await stockScans(q, settings.slice(0, 1));
      expect(scans.length).toBeGreaterThan(0);
      for (const scan of scans) expect(scan["Node Type"]).toBe("Index Scan");
      // Left to itself, PostgreSQL still picks the bitmap scan on this stock: the setting is still needed.
      const unguided = await stockScans(q, []);
      expect(unguided.map((n) => n["Node Type"])).toContain("Bitmap Heap Scan");
    }
  });
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode | undefined): PlanNode[] {
  return node ? [node, ...(node.Plans ?? []).flatMap(nodesOf)] : [];
}
