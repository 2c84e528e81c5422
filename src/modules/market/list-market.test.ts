import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { coverEveryCategory, operatorSession, verifiedBuyer } from "../../../tests/support/market";
import { asUser, createTestApp, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { rawRows } from "../../platform/db/raw-rows";
import { ensurePriceGrid } from "./price-grid";
import { freshnessTierAt } from "./rules/freshness";

/**
 * The listing reads price groups through their reception windows (list-market.ts): checked here against
 * the plain definition (every unsold lead, its tier from its own deadlines, its price from the grid),
 * for every sort and filter, page by page, on leads received across a weekend and in every tier.
 */
let now = new Date("2026-12-03T10:00:00+01:00");
const clock = () => new Date(now);
let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let viewer: Awaited<ReturnType<typeof verifiedBuyer>>;

interface Listing {
  lead_id: string;
  product: string;
  lead_type: string;
  departement: string | null;
  received_at: Date;
  tier24_until: Date;
  tier48_until: Date;
  expires_at: Date;
  sold_at: Date | null;
  held_by: string | null;
  hold_until: Date | null;
}

/** Leads received at each instant (Paris time), stocked as the router would. */
const RECEIVED = [
  ["2026-12-02T09:00:00+01:00", "assurance-auto"],
  ["2026-12-03T10:00:00+01:00", "mutuelle-sante"],
  ["2026-12-03T20:00:00+01:00", "assurance-auto"],
  // Half an hour either side of the 24h/48h boundary when the listing is read (Monday 11:00): inside the
  // margin of both windows, so only each lead's own deadlines tell its tier.
  ["2026-12-04T10:30:00+01:00", "rc-pro"],
  ["2026-12-04T11:30:00+01:00", "rc-pro"],
  ["2026-12-04T15:00:00+01:00", "rc-pro"],
  ["2026-12-05T11:00:00+01:00", "mutuelle-sante"],
  ["2026-12-07T08:00:00+01:00", "assurance-auto"],
] as const;

beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  supplier = await supplierFixture(ctx);
  await ensurePriceGrid(ctx.db, clock());
  await coverEveryCategory(ctx, supplier.version);
  const operatorId = (await operatorSession(ctx)).user.id;
  for (const [at, product] of RECEIVED) {
    now = new Date(at);
    // Four at one instant: equal reception times, ordered by id. No order asks for them: intake stocks them.
    for (let i = 0; i < 4; i++) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/leads",
        headers: { authorization: `Bearer ${supplier.apiKey}` },
        payload: validLead(supplier.version, {}, product, clock()),
      });
      expect(res.json().status, res.body).toBe("accepted");
    }
  }
  now = new Date("2026-12-07T11:00:00+01:00");
  viewer = await verifiedBuyer(ctx, { operatorId, now: clock() });
  const other = await verifiedBuyer(ctx, { operatorId, now: clock() });
  const [heldByOther, heldByViewer, sold] = (
    await rawRows<{ lead_id: string }>(
      ctx.db,
      sql`select lead_id from market_listings where expires_at > ${now.toISOString()} order by lead_id`,
    )
  ).map((r) => r.lead_id);
  for (const [b, id] of [
    [other, heldByOther],
    [viewer, heldByViewer],
  ] as const) {
    const hold = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${id}/hold`,
      headers: { ...asUser(b.session), "idempotency-key": `list-${id}` },
    });
    expect(hold.statusCode, hold.body).toBe(201);
  }
  await ctx.db.execute(sql`update market_listings set sold_at = ${now.toISOString()}::timestamptz where lead_id = ${sold}::uuid`);
});
afterAll(() => ctx.close());

async function expected(q: Record<string, string | number>) {
  const prices = await rawRows<{ product: string; lead_type: string; tier: string; price_cents: number }>(
    ctx.db,
    sql`select product, lead_type, tier, price_cents from prices
        where version = (select max(version) from price_grids) and channel = 'marketplace'`,
  );
  const priceOf = new Map(prices.map((p) => [`${p.product}|${p.lead_type}|${p.tier}`, p.price_cents]));
  const all = await rawRows<Listing>(ctx.db, sql`select * from market_listings`);
  const rows = all.flatMap((l) => {
    const tier = freshnessTierAt(
      { tier24Until: new Date(l.tier24_until), tier48Until: new Date(l.tier48_until), expiresAt: new Date(l.expires_at) },
      now,
    );
    const heldByOther = l.hold_until !== null && new Date(l.hold_until) > now && l.held_by !== viewer.orgId;
    if (tier === "expired" || l.sold_at !== null || heldByOther) return [];
    const price = priceOf.get(`${l.product}|${l.lead_type}|${tier}`) as number;
    if (q.product && l.product !== q.product) return [];
    if (q.departement && l.departement !== q.departement) return [];
    if (q.tier && tier !== q.tier) return [];
    if (q.minPriceCents !== undefined && price < Number(q.minPriceCents)) return [];
    if (q.maxPriceCents !== undefined && price > Number(q.maxPriceCents)) return [];
    return [{ id: l.lead_id, received: new Date(l.received_at).getTime(), price, tier }];
  });
  type R = (typeof rows)[number];
  const byId = (a: R, b: R) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const recent = (a: R, b: R) => b.received - a.received || byId(a, b);
  const order = {
    recent,
    oldest: (a: R, b: R) => a.received - b.received || byId(a, b),
    price_asc: (a: R, b: R) => a.price - b.price || recent(a, b),
    price_desc: (a: R, b: R) => b.price - a.price || recent(a, b),
  }[String(q.sort ?? "recent") as "recent"];
  rows.sort(order);
  const page = Number(q.page ?? 1);
  const size = Number(q.pageSize);
  return { total: rows.length, ids: rows.slice((page - 1) * size, page * size).map((r) => r.id), tiers: new Set(rows.map((r) => r.tier)) };
}

async function listed(q: Record<string, string | number>) {
  const query = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
  const res = await ctx.app.inject({ method: "GET", url: `/api/v1/market/leads?${query}`, headers: asUser(viewer.session) });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { total: body.total as number, ids: body.items.map((i: { leadId: string }) => i.leadId) as string[] };
}

describe("marketplace listing, against its plain definition", () => {
  it("covers every tier, a hold of another buyer, the viewer's own hold, a sale and expired leads", async () => {
    const everything = await expected({ pageSize: 100 });
    expect([...everything.tiers].sort()).toEqual(["24h", "48h", "72h"]);
    const stocked = await rawRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from market_listings`);
    // Expired (received 2 December), sold and held by another: not offered.
    expect(everything.total).toBeLessThan(stocked[0]?.n ?? 0);
  });

  const filters: Record<string, string | number>[] = [
    {},
    { product: "assurance-auto" },
    { product: "mutuelle-sante", tier: "72h" },
    { departement: "13" },
    { tier: "24h" },
    { tier: "48h" },
    { tier: "72h" },
    { minPriceCents: 1500, maxPriceCents: 2500 },
    { leadType: "lead", product: "rc-pro" },
  ];
  for (const sort of ["recent", "oldest", "price_asc", "price_desc"])
    for (const filter of filters)
      it(`sort=${sort} ${JSON.stringify(filter)}: same leads, same order, same total, page by page`, async () => {
        for (const page of [1, 2, 3]) {
          const q = { ...filter, sort, page, pageSize: 4 };
          expect(await listed(q)).toEqual((({ total, ids }) => ({ total, ids }))(await expected(q)));
        }
      });
});
