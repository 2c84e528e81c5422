import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedLead, coverEveryCategory, operatorSession, verifiedBuyer } from "../../../tests/support/market";
import { asUser, createOrgWithUser, createTestApp, login, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { ensurePriceGrid } from "./price-grid";
import { routeLeads } from "./route-leads";

/** The test walks through a Paris week: Friday 27 November 2026 to Wednesday 2 December 2026. */
let now = new Date("2026-11-27T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operator: Awaited<ReturnType<typeof operatorSession>>;
let buyer: Awaited<ReturnType<typeof verifiedBuyer>>;
let other: Awaited<ReturnType<typeof verifiedBuyer>>;
const CREDITS = 100_000;
const paid: { leadId: string; priceCents: number }[] = [];
let exclusiveLead: string;
let buyerOrderId: string;

const CITIES: Record<string, string> = { "69003": "Lyon", "69007": "Lyon", "33000": "Bordeaux", "75011": "Paris" };

const sendLead = (product: string, postalCode: string) =>
  acceptedLead(ctx, supplier, { product, postalCode, city: CITIES[postalCode], now: clock() });

const sessionOf = (b: typeof buyer) => login(ctx.app, b.payload.email, b.payload.password);

/** A marketplace purchase at `at`, by credits, through the API. */
async function buyAt(at: string, product: string, postalCode: string) {
  now = new Date(at);
  const leadId = await sendLead(product, postalCode);
  const session = await sessionOf(buyer);
  const hold = await ctx.app.inject({
    method: "POST",
    url: `/api/v1/market/leads/${leadId}/hold`,
    headers: { ...asUser(session), "idempotency-key": `achat-${leadId}` },
  });
  expect(hold.statusCode, hold.body).toBe(201);
  const pay = await ctx.app.inject({
    method: "POST",
    url: `/api/v1/market/holds/${hold.json().id}/pay`,
    headers: asUser(session),
    payload: { method: "credits" },
  });
  expect(pay.json().status, pay.body).toBe("paid");
  paid.push({ leadId, priceCents: pay.json().purchase.priceCents });
}

beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  supplier = await supplierFixture(ctx);
  await ensurePriceGrid(ctx.db, clock());
  await coverEveryCategory(ctx, supplier.version);
  operator = await operatorSession(ctx);
  buyer = await verifiedBuyer(ctx, { operatorId: operator.user.id, creditsCents: CREDITS, now: clock() });
  other = await verifiedBuyer(ctx, { operatorId: operator.user.id, creditsCents: 5_000, now: clock() });

  await buyAt("2026-11-27T10:00:00+01:00", "mutuelle-sante", "69003"); // Friday of the week before, November
  await buyAt("2026-11-30T23:30:00+01:00", "assurance-auto", "33000"); // this week, still November in Paris
  await buyAt("2026-12-01T00:30:00+01:00", "mutuelle-sante", "75011"); // December in Paris, still November in UTC
  // An exclusive sale on Wednesday 2 December, by the buyer's standing order.
  now = new Date("2026-12-02T10:00:00+01:00");
  const order = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/market/orders",
    headers: asUser(await sessionOf(buyer)),
    payload: { name: "Santé Rhône", products: ["mutuelle-sante"], leadType: "lead", departements: ["69"], weeklyCap: 20, dailyCap: 5 },
  });
  expect(order.statusCode, order.body).toBe(201);
  buyerOrderId = order.json().id;
  exclusiveLead = await sendLead("mutuelle-sante", "69007");
  const routed = await ctx.db.transaction((tx) => routeLeads(tx, [exclusiveLead], clock()));
  expect(routed.sold).toHaveLength(1);
  paid.push({ leadId: exclusiveLead, priceCents: routed.sold[0]?.priceCents ?? -1 });
  // A paused order of the other brokerage, for the operator's overview.
  const paused = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/market/orders",
    headers: asUser(await sessionOf(other)),
    payload: { name: "Auto Gironde", products: ["assurance-auto"], leadType: "lead", departements: ["33"], weeklyCap: 10, dailyCap: null },
  });
  await ctx.app.inject({
    method: "PATCH",
    url: `/api/v1/market/orders/${paused.json().id}`,
    headers: asUser(await sessionOf(other)),
    payload: { status: "paused" },
  });
});
afterAll(() => ctx.close());

describe("GET /api/v1/market/summary", () => {
  it("gives the month's spend (Paris month), this week's leads by product and channel, the balance and the latest leads", async () => {
    const [fridayBefore, mondayNight, decemberFirst, exclusive] = paid as [
      (typeof paid)[0],
      (typeof paid)[0],
      (typeof paid)[0],
      (typeof paid)[0],
    ];
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/market/summary", headers: asUser(await sessionOf(buyer)) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.monthLeads).toBe(2);
    expect(body.monthSpentCents).toBe(decemberFirst.priceCents + exclusive.priceCents);
    expect(body.monthSpentCents).toBe(1800 + 3250);
    expect(body.weekByProduct).toEqual([
      { product: "mutuelle-sante", exclusive: 1, marketplace: 1 },
      { product: "assurance-auto", exclusive: 0, marketplace: 1 },
    ]);
    expect(body.balanceCents).toBe(CREDITS - paid.reduce((s, p) => s + p.priceCents, 0));
    expect(body.latest.map((l: { leadId: string }) => l.leadId)).toEqual(
      [exclusive, decemberFirst, mondayNight, fridayBefore].map((p) => p.leadId),
    );
    expect(body.latest[0]).toMatchObject({ product: "mutuelle-sante", departement: "69", channel: "exclusive", priceCents: 3250 });
    expect(body.latest[2]).toMatchObject({ product: "assurance-auto", departement: "33", channel: "marketplace" });
    expect(new Date(body.latest[1].soldAt).toISOString()).toBe("2026-11-30T23:30:00.000Z");
    // Nothing that identifies a prospect on the home page.
    expect(res.body).not.toMatch(/"phone"|"email"|"firstName"|"lastName"/);
  });

  it("lets another brokerage neither see nor change the buyer's order", async () => {
    const headers = asUser(await sessionOf(other));
    const listed = await ctx.app.inject({ method: "GET", url: "/api/v1/market/orders", headers });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(JSON.stringify(listed.json())).not.toContain(buyerOrderId);
    const changed = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/market/orders/${buyerOrderId}`,
      headers,
      payload: { status: "paused" },
    });
    expect(changed.statusCode, changed.body).toBe(404);
    const own = await ctx.app.inject({ method: "GET", url: "/api/v1/market/orders", headers: asUser(await sessionOf(buyer)) });
    expect(own.json().items.find((o: { id: string }) => o.id === buyerOrderId)).toMatchObject({ status: "active" });
  });

  it("shows another brokerage nothing of it, and refuses suppliers and visitors", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/market/summary", headers: asUser(await sessionOf(other)) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ monthSpentCents: 0, monthLeads: 0, weekByProduct: [], balanceCents: 5_000, latest: [] });
    const bySupplier = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/market/summary",
      headers: { authorization: `Bearer ${supplier.apiKey}` },
    });
    expect(bySupplier.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/market/summary" })).statusCode).toBe(401);
  });

  it("starts a new week on Monday in Paris", async () => {
    const saved = now;
    now = new Date("2026-12-07T00:10:00+01:00"); // Monday 7 December, just after midnight in Paris (still Sunday in UTC)
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/market/summary", headers: asUser(await sessionOf(buyer)) });
    expect(res.json().weekByProduct).toEqual([]);
    expect(res.json().monthLeads).toBe(2);
    now = saved;
  });
});

describe("GET /api/v1/admin/market/orders", () => {
  it("lists every brokerage's orders, active first, with this week's leads and caps", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/admin/market/orders",
      headers: asUser(await login(ctx.app, operator.email)),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      orgId: buyer.orgId,
      brokerage: buyer.payload.companyName,
      name: "Santé Rhône",
      status: "active",
      weeklyCap: 20,
      dailyCap: 5,
      receivedThisWeek: 1,
      receivedToday: 1,
      departements: ["69"],
    });
    expect(items[1]).toMatchObject({ orgId: other.orgId, status: "paused", receivedThisWeek: 0, weeklyCap: 10, dailyCap: null });
  });

  it("is the operator's only: a broker gets 403", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/admin/market/orders", headers: asUser(await sessionOf(buyer)) });
    expect(res.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/admin/market/orders" })).statusCode).toBe(401);
  });
});

describe("supplier reporting of sales", () => {
  it("tells the supplier how many of its leads sold, at what price, by channel and département", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/leads/stats?from=2026-11-01&to=2026-12-31",
      headers: { authorization: `Bearer ${supplier.apiKey}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { sales } = res.json();
    const total = paid.reduce((s, p) => s + p.priceCents, 0);
    expect(sales.count).toBe(4);
    expect(sales.revenueCents).toBe(total);
    expect(sales.byChannel).toEqual([
      { channel: "exclusive", sold: 1, revenueCents: 3250 },
      { channel: "marketplace", sold: 3, revenueCents: total - 3250 },
    ]);
    expect(sales.byDepartement).toContainEqual({ channel: "exclusive", departement: "69", sold: 1, revenueCents: 3250 });
    expect(sales.byDepartement).toContainEqual({ channel: "marketplace", departement: "75", sold: 1, revenueCents: 1800 });
    // The period filter applies to sales too: only December's leads.
    const december = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/leads/stats?from=2026-12-01&to=2026-12-31",
      headers: { authorization: `Bearer ${supplier.apiKey}` },
    });
    expect(december.json().sales).toMatchObject({ count: 2, revenueCents: 1800 + 3250 });
  });

  it("counts only the supplier's own leads", async () => {
    const another = await createOrgWithUser(ctx, "supplier");
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/leads/stats", headers: asUser(await login(ctx.app, another.email)) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sales).toEqual({ count: 0, revenueCents: 0, byChannel: [], byDepartement: [] });
  });
});
