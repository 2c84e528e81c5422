import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedLead, holdAndPay, marketTestApp, signedUpBroker, verifiedBuyer } from "../../../tests/support/market";
import { asUser, type supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { walletBalance } from "../billing";
import { routeLeads } from "./route-leads";

/** Tuesday 1 December 2026, 10:00 in Paris. */
const now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operatorId: string;

const sendLead = (product = "mutuelle-sante", postalCode = "75011") =>
  acceptedLead(ctx, supplier, { product, postalCode, city: "Paris", now: clock() });

const buyer = (creditsCents = 100_000, categories?: { orias?: string[]; partners?: string[] }) =>
  verifiedBuyer(ctx, { operatorId, creditsCents, orias: categories?.orias, partners: categories?.partners, now });

beforeAll(async () => {
  ({ ctx, supplier, operatorId } = await marketTestApp(clock));
});
afterAll(() => ctx.close());

describe("marketplace purchase by credits", () => {
  it("debits the price, makes the lead the buyer's alone, and answers the next buyer 'déjà vendu'", async () => {
    const leadId = await sendLead();
    const a = await buyer();
    const b = await buyer();
    const paid = await holdAndPay(ctx, a, leadId, "achat-0000001");
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: "paid", purchase: { leadId, priceCents: 1800, paidWith: "credits" } });
    expect(paid.json().purchase.contact.phone).toMatch(/^\+?\d/);
    expect(await walletBalance(ctx.db, a.orgId)).toBe(100_000 - 1800);

    const late = await holdAndPay(ctx, b, leadId, "achat-0000002");
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "lead_already_sold", message: "Ce lead a déjà été vendu" });
    expect(await walletBalance(ctx.db, b.orgId)).toBe(100_000);
  });

  it("pays once when the same hold is paid twice", async () => {
    const leadId = await sendLead();
    const a = await buyer();
    const hold = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${leadId}/hold`,
      headers: { ...asUser(a.session), "idempotency-key": "double-000001" },
    });
    const pay = () =>
      ctx.app.inject({
        method: "POST",
        url: `/api/v1/market/holds/${hold.json().id}/pay`,
        headers: asUser(a.session),
        payload: { method: "credits" },
      });
    const [one, two] = await Promise.all([pay(), pay()]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(one.json().purchase.saleId).toBe(two.json().purchase.saleId);
    expect(await walletBalance(ctx.db, a.orgId)).toBe(100_000 - 1800);
  });

  it("refuses an unverified brokerage, a credit lead to an insurance-only one, and an uncovered consent — before holding", async () => {
    const leadId = await sendLead();
    const unverified = await signedUpBroker(ctx);
    const refused = await holdAndPay(ctx, unverified, leadId, "refus-0000001");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("buyer_not_eligible");

    const creditLead = await sendLead("credit-immobilier");
    const insuranceOnly = await buyer(100_000, { orias: ["COA"] });
    expect((await holdAndPay(ctx, insuranceOnly, creditLead, "refus-0000002")).json().error.code).toBe("buyer_not_eligible");

    const uncovered = await buyer(100_000, { partners: [] });
    expect((await holdAndPay(ctx, uncovered, leadId, "refus-0000003")).json().error.code).toBe("buyer_not_eligible");
    // Refusals held nothing: an eligible broker buys it at once.
    expect((await holdAndPay(ctx, await buyer(), leadId, "refus-0000004")).statusCode).toBe(200);
  });

  it("refuses a purchase the credits do not cover, and keeps the hold for a card payment", async () => {
    const leadId = await sendLead();
    const poor = await buyer(1000);
    const res = await holdAndPay(ctx, poor, leadId, "pauvre-000001");
    expect(res.statusCode).toBe(402);
    expect(res.json().error.code).toBe("insufficient_credits");
    expect(await walletBalance(ctx.db, poor.orgId)).toBe(1000);
    const card = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${leadId}/hold`,
      headers: { ...asUser(poor.session), "idempotency-key": "pauvre-000001" },
    });
    const paid = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/holds/${card.json().id}/pay`,
      headers: asUser(poor.session),
      payload: { method: "card", cardNumber: "4242 4242 4242 4242" },
    });
    expect(paid.json(), paid.body).toMatchObject({ status: "paid", purchase: { leadId, paidWith: "card", priceCents: 1800 } });
    const invoices = await ctx.app.inject({ method: "GET", url: "/api/v1/billing/invoices", headers: asUser(poor.session) });
    expect(invoices.json().items).toHaveLength(1);
    expect(invoices.json().items[0]).toMatchObject({ totalHtCents: 1800, totalTtcCents: 2160 });
    // What the web reads once Stripe's webhook has concluded a card sale: the buyer's purchase, nobody else's.
    const purchaseUrl = `/api/v1/market/holds/${card.json().id}/purchase`;
    const purchase = await ctx.app.inject({ method: "GET", url: purchaseUrl, headers: asUser(poor.session) });
    expect(purchase.statusCode).toBe(200);
    expect(purchase.json()).toEqual(paid.json().purchase);
    const other = await buyer();
    expect((await ctx.app.inject({ method: "GET", url: purchaseUrl, headers: asUser(other.session) })).statusCode).toBe(404);
  });
});

describe("exclusive routing", () => {
  it("sells each lead to a covered, verified order within its caps, fairly, and stocks the rest", async () => {
    const big = await buyer();
    const small = await buyer();
    const broke = await buyer(0);
    const create = (b: typeof big, weeklyCap: number, departements: string[] = []) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/market/orders",
        headers: asUser(b.session),
        payload: { name: "Santé", products: ["mutuelle-sante"], leadType: "lead", departements, weeklyCap, dailyCap: null },
      });
    expect((await create(big, 4)).statusCode).toBe(201);
    expect((await create(small, 2)).statusCode).toBe(201);
    expect((await create(broke, 10)).statusCode).toBe(201);
    const leads: string[] = [];
    for (let i = 0; i < 8; i++) leads.push(await sendLead());
    const routed = await ctx.db.transaction((tx) => routeLeads(tx, leads, now));
    const byOrg = (org: string) => routed.sold.filter((s) => s.buyerOrgId === org).length;
    expect(byOrg(big.orgId)).toBe(4);
    expect(byOrg(small.orgId)).toBe(2);
    expect(byOrg(broke.orgId)).toBe(0);
    expect(routed.stocked).toBe(2);
    expect(await walletBalance(ctx.db, big.orgId)).toBe(100_000 - 4 * 3250);
    // Routed twice, a lead is not sold again nor stocked twice.
    const again = await ctx.db.transaction((tx) => routeLeads(tx, leads, now));
    expect(again).toEqual({ sold: [], stocked: 0 });
  });
});
