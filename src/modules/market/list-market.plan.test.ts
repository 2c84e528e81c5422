import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverEveryCategory, operatorSession, verifiedBuyer } from "../../../tests/support/market";
import { createTestApp, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import type { Db } from "../../platform/db/client";
import { PRODUCT_SLUGS } from "../catalogue/rules";
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
const DEPARTEMENTS = ["13", "33", "31", "44", "69", "75", "59", "67", "06", "34"];
let ctx: TestContext;
let viewerOrgId: string;
let pool: pg.Pool;
const sent: { query: string; params: unknown[] }[] = [];

describe.runIf(process.env.DATABASE_URL)("marketplace listing plan (PostgreSQL)", () => {
  beforeAll(async () => {
    ctx = await createTestApp({}, { clock: () => new Date(now) });
    const supplier = await supplierFixture(ctx);
    await ensurePriceGrid(ctx.db, now);
    await coverEveryCategory(ctx, supplier.version);
    viewerOrgId = (await verifiedBuyer(ctx, { operatorId: (await operatorSession(ctx)).user.id, now })).orgId;
    const products = PRODUCT_SLUGS.filter((p) => p !== "defiscalisation");
    // As the bench stocks them (bench/market.ts): received over the last day, spread over products and départements.
    await ctx.owner.execute(sql`
      with src as (
        select gen_random_uuid() as id, i, (${sql.param(products)}::text[])[1 + i % ${products.length}] as product,
               (${sql.param(DEPARTEMENTS)}::text[])[1 + (i / 7) % ${DEPARTEMENTS.length}] as dep,
               ${now.toISOString()}::timestamptz - make_interval(mins => i % 1440) as at
        from generate_series(1, ${STOCK}) i
      ), l as (
        insert into leads (id, supplier_org_id, product, type, status, reasons, channel, first_name, last_name, phone, email,
                           postal_code, city, departement, fields, payload, created_at)
        select id, ${supplier.org.id}::uuid, product, 'lead', 'accepted', '[]', 'api', 'Plan', 'Stock' || i,
               '06' || lpad(i::text, 8, '0'), 'stock' || i || '@plan.test', dep || '000', 'Ville', dep, '{}', '{}', at
        from src returning id
      ), t as (select * from consent_texts where version = ${supplier.version}), k as (
        insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, fingerprint, recorded_at)
        select src.id, 'checkbox', false, t.id, t.version, t.sha256, src.at, 'plan', src.at from src, t returning lead_id
      )
      insert into market_listings (lead_id, product, lead_type, departement, postal_code, city, consent_method, consent_text_id,
                                   received_at, tier24_until, tier48_until, expires_at, stocked_at)
      select id, product, 'lead', dep, dep || '000', 'Ville', 'checkbox', (select id from t), at,
             at + interval '1 day', at + interval '2 days', at + interval '3 days', at
      from src`);
    await ctx.owner.execute(sql`analyze leads, lead_consents, market_listings`);
    pool = new pg.Pool({ connectionString: ctx.database.urls?.app, max: 2 });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await ctx?.close();
  });

  /** listMarket on a client that notes every statement it sends. */
  async function listingStatements(filters: Partial<MarketFilters>) {
    sent.length = 0;
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
