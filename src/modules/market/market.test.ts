import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { coverEveryCategory, operatorSession, verifiedBuyer } from "../../../tests/support/market";
import { asUser, createTestApp, login, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { expireHolds } from "./hold-lead";
import { ensurePriceGrid } from "./price-grid";
import { stockLeads } from "./stock-leads";

/** Monday 30 November 2026, 10:00 in Paris: a plain business day. */
let now = new Date("2026-11-30T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;

async function sendLeads(count: number, overrides: Parameters<typeof validLead>[1] = {}, product = "assurance-auto") {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads",
      headers: { authorization: `Bearer ${supplier.apiKey}` },
      payload: validLead(supplier.version, overrides, product, clock()),
    });
    expect(res.json().status, res.body).toBe("accepted");
    ids.push(res.json().id);
  }
  return ids;
}

let operatorId: string;
async function broker() {
  const b = await verifiedBuyer(ctx, { operatorId, now: clock() });
  return { ...b, email: b.payload.email, password: b.payload.password };
}

beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  supplier = await supplierFixture(ctx);
  await ensurePriceGrid(ctx.db, clock());
  await coverEveryCategory(ctx, supplier.version);
  operatorId = (await operatorSession(ctx)).user.id;
});
afterAll(() => ctx.close());

describe("marketplace listing", () => {
  it("shows stocked leads without who they are, at the grid's price for their freshness", async () => {
    // No order asks for them: the intake stocked them as it stored them, and stocking again changes nothing.
    const ids = await sendLeads(3, {}, "mutuelle-sante");
    expect(await stockLeads(ctx.db, ids, clock())).toBe(0);
    const b = await broker();
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/market/leads?product=mutuelle-sante", headers: asUser(b.session) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { leadId: string }) => i.leadId).sort()).toEqual([...ids].sort());
    expect(body.items[0]).toMatchObject({ product: "mutuelle-sante", tier: "24h", priceCents: 1800, consentMethod: "checkbox" });
    // Nothing that identifies the prospect leaves the server before purchase.
    expect(res.body).not.toMatch(/Camille|Martin|@example\.fr|"phone"|"email"|"firstName"|"lastName"/);
  });

  it("lists only what the brokerage may buy: its ORIAS categories' products, leads whose consent covers it", async () => {
    const insurance = await sendLeads(1, {}, "mutuelle-sante");
    const credit = await sendLeads(1, {}, "credit-immobilier");
    const listed = async (b: Awaited<ReturnType<typeof broker>>) => {
      const res = await ctx.app.inject({ method: "GET", url: "/api/v1/market/leads?pageSize=100", headers: asUser(b.session) });
      expect(res.statusCode, res.body).toBe(200);
      return { ids: res.json().items.map((i: { leadId: string }) => i.leadId) as string[], total: res.json().total as number };
    };
    const both = await broker();
    const all = await listed(both);
    expect(all.ids).toEqual(expect.arrayContaining([...insurance, ...credit]));

    // Insurance intermediary only (COA): the credit lead is not offered, the count agrees.
    const insuranceOnly = await verifiedBuyer(ctx, { operatorId, orias: ["COA"], now: clock() });
    const coa = await listed({ ...insuranceOnly, email: "", password: "" });
    expect(coa.ids).toContain(insurance[0]);
    expect(coa.ids).not.toContain(credit[0]);
    expect(coa.total).toBe(coa.ids.length);
    expect(coa.ids.length).toBeLessThan(all.ids.length);

    // No partner category in common with the consent text, and not named in it: nothing to buy.
    const uncovered = await verifiedBuyer(ctx, { operatorId, partners: [], now: clock() });
    expect(await listed({ ...uncovered, email: "", password: "" })).toEqual({ ids: [], total: 0 });

    // What the listing offers, a purchase accepts: the insurance-only broker buys the insurance lead.
    const hold = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${insurance[0]}/hold`,
      headers: { ...asUser(insuranceOnly.session), "idempotency-key": "scope-000001" },
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const cancel = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/market/holds/${hold.json().id}`,
      headers: asUser(insuranceOnly.session),
    });
    expect(cancel.statusCode).toBe(204);
  });

  it("filters by freshness tier as business hours pass, and leaves the stock past 72 business hours", async () => {
    now = new Date("2026-12-07T09:00:00+01:00");
    await sendLeads(1, {}, "rc-decennale");
    const b = await broker();
    // Days pass in this test: a fresh session each time, as the broker would log in again.
    const list = async (q: string) => {
      const session = await login(ctx.app, b.email, b.password);
      const res = await ctx.app.inject({ method: "GET", url: `/api/v1/market/leads?product=rc-decennale&${q}`, headers: asUser(session) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    expect((await list("tier=24h")).total).toBe(1);
    now = new Date("2026-12-08T10:00:00+01:00"); // 25 business hours later
    expect((await list("tier=24h")).total).toBe(0);
    const second = await list("tier=48h");
    expect(second.total).toBe(1);
    expect(second.items[0]).toMatchObject({ tier: "48h", priceCents: 3150, businessHours: 25 });
    now = new Date("2026-12-10T09:00:01+01:00"); // just past 72 business hours
    expect((await list("")).total).toBe(0);
    now = new Date("2026-11-30T10:00:00+01:00");
  });

  it("refuses suppliers and visitors, and answers a bad filter with the field in French", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/market/leads",
      headers: { authorization: `Bearer ${supplier.apiKey}` },
    });
    expect(res.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/market/leads" })).statusCode).toBe(401);
    const b = await broker();
    const bad = await ctx.app.inject({ method: "GET", url: "/api/v1/market/leads?tier=12h", headers: asUser(b.session) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "validation_error", field: "querystring.tier" });
    expect(bad.json().error.message).toMatch(/^Fraîcheur : /);
    // Past the listing's depth (the first 1,000 leads) a page is refused: a page a million rows deep would
    // make each price group read up to a million rows.
    const deep = await ctx.app.inject({ method: "GET", url: "/api/v1/market/leads?page=41&pageSize=25", headers: asUser(b.session) });
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error).toMatchObject({ code: "validation_error", field: "querystring.page" });
    expect(deep.json().error.message).toMatch(/^Page : au-delà des 1\s000 premiers leads, affinez les filtres/);
    const last = await ctx.app.inject({ method: "GET", url: "/api/v1/market/leads?page=40&pageSize=25", headers: asUser(b.session) });
    expect(last.statusCode, last.body).toBe(200);
  });
});

describe("holds", () => {
  it("gives a lead to one holder at a time, idempotently, and frees it when the hold expires", async () => {
    const [id] = await sendLeads(1, {}, "assurance-habitation");
    const a = await broker();
    const b = await broker();
    const hold = (s: typeof a, key: string) =>
      ctx.app.inject({ method: "POST", url: `/api/v1/market/leads/${id}/hold`, headers: { ...asUser(s.session), "idempotency-key": key } });

    const first = await hold(a, "achat-a-000001");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ leadId: id, priceCents: 1200, tier: "24h", status: "active" });
    const again = await hold(a, "achat-a-000001");
    expect(again.json().id).toBe(first.json().id);

    const lost = await hold(b, "achat-b-000001");
    expect(lost.statusCode).toBe(409);
    expect(lost.json().error.code).toBe("lead_on_hold");
    // The other broker no longer sees it; the holder does, with its hold.
    const seenByB = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/market/leads?product=assurance-habitation",
      headers: asUser(b.session),
    });
    expect(seenByB.json().items.map((i: { leadId: string }) => i.leadId)).not.toContain(id);
    const seenByA = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/market/leads?product=assurance-habitation",
      headers: asUser(a.session),
    });
    expect(seenByA.json().items.find((i: { leadId: string }) => i.leadId === id)?.heldUntil).toBeTruthy();

    now = new Date(now.getTime() + 5 * 60_000 + 1000);
    const after = await hold(b, "achat-b-000002");
    expect(after.statusCode, after.body).toBe(201);
    expect(await expireHolds(ctx.db, clock())).toBe(0); // the new hold replaced the stale one already
    now = new Date(now.getTime() + 6 * 60_000);
    expect(await expireHolds(ctx.db, clock())).toBe(1);
  });

  it("lets only the holder cancel or pay its hold", async () => {
    const [id] = await sendLeads(1, {}, "assurance-animaux");
    const a = await broker();
    const b = await broker();
    const held = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${id}/hold`,
      headers: { ...asUser(a.session), "idempotency-key": "annulation-0001" },
    });
    const holdId = held.json().id;
    // Another brokerage's hold is not found, to pay by credits or by card…
    for (const payload of [{ method: "credits" }, { method: "card", cardNumber: "4242 4242 4242 4242" }]) {
      const paid = await ctx.app.inject({ method: "POST", url: `/api/v1/market/holds/${holdId}/pay`, headers: asUser(b.session), payload });
      expect(paid.statusCode, paid.body).toBe(404);
    }
    // …nor to cancel.
    await ctx.app.inject({ method: "DELETE", url: `/api/v1/market/holds/${holdId}`, headers: asUser(b.session) });
    const stillHeld = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${id}/hold`,
      headers: { ...asUser(b.session), "idempotency-key": "annulation-0002" },
    });
    expect(stillHeld.json().error.code).toBe("lead_on_hold");
    await ctx.app.inject({ method: "DELETE", url: `/api/v1/market/holds/${holdId}`, headers: asUser(a.session) });
    const free = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${id}/hold`,
      headers: { ...asUser(b.session), "idempotency-key": "annulation-0003" },
    });
    expect(free.statusCode).toBe(201);
  });
});

describe("buying in one step with credits", () => {
  it("buys once per key, shows the contact, and refuses the next buyer, a short wallet, a supplier and a missing key", async () => {
    const [id, other] = await sendLeads(2, {}, "assurance-habitation");
    const rich = await verifiedBuyer(ctx, { operatorId, creditsCents: 10_000, now: clock() });
    const poor = await broker();
    const buy = (leadId: string, headers: Record<string, string>) =>
      ctx.app.inject({ method: "POST", url: `/api/v1/market/leads/${leadId}/buy`, headers });

    const bought = await buy(id as string, { ...asUser(rich.session), "idempotency-key": "achat-direct-01" });
    expect(bought.statusCode, bought.body).toBe(200);
    expect(bought.json()).toMatchObject({ leadId: id, paidWith: "credits", contact: { lastName: expect.any(String) } });
    const again = await buy(id as string, { ...asUser(rich.session), "idempotency-key": "achat-direct-01" });
    expect(again.json().saleId).toBe(bought.json().saleId);
    const balance = await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers: asUser(rich.session) });
    expect(balance.json().balanceCents).toBe(10_000 - bought.json().priceCents);

    const late = await buy(id as string, { ...asUser(poor.session), "idempotency-key": "achat-direct-02" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "lead_already_sold", message: "Ce lead a déjà été vendu" });
    const broke = await buy(other as string, { ...asUser(poor.session), "idempotency-key": "achat-direct-03" });
    expect(broke.statusCode).toBe(402);
    expect(broke.json().error.code).toBe("insufficient_credits");
    const asSupplier = await buy(other as string, { authorization: `Bearer ${supplier.apiKey}`, "idempotency-key": "achat-direct-04" });
    expect(asSupplier.statusCode).toBe(403);
    const noKey = await buy(other as string, asUser(rich.session));
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.message).toMatch(/clé d'idempotence/);
    // Nothing of the refusals stayed: the other lead is still for sale to anyone.
    const listed = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/market/leads?product=assurance-habitation&pageSize=100",
      headers: asUser(poor.session),
    });
    const items = listed.json().items as { leadId: string; heldUntil: string | null }[];
    expect(items.filter((i) => i.leadId === id || i.leadId === other).map((i) => [i.leadId, i.heldUntil])).toEqual([[other, null]]);
  });
});

describe("price grid", () => {
  it("is public; the operator publishes a whole new version, an incomplete one is refused", async () => {
    const grid = await ctx.app.inject({ method: "GET", url: "/api/v1/prices" });
    expect(grid.statusCode).toBe(200);
    const { version, entries } = grid.json() as {
      version: number;
      entries: { product: string; leadType: string; channel: string; tier: string; priceCents: number }[];
    };
    expect(entries).toHaveLength(18 * 2 * 2 * 3);
    const op = await operatorSession(ctx);
    const changed = entries.map((e) =>
      e.product === "assurance-auto" && e.leadType === "lead" && e.channel === "marketplace" && e.tier === "24h"
        ? { ...e, priceCents: 2990 }
        : e,
    );
    const published = await ctx.app.inject({
      method: "PUT",
      url: "/api/v1/admin/prices",
      headers: asUser(op.session),
      payload: { note: "Auto plus chère", entries: changed },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().version).toBe(version + 1);
    const incomplete = await ctx.app.inject({
      method: "PUT",
      url: "/api/v1/admin/prices",
      headers: asUser(op.session),
      payload: { note: "Oubli", entries: changed.slice(1) },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error).toMatchObject({ code: "validation_error", field: "entries" });
    const b = await broker();
    const forbidden = await ctx.app.inject({
      method: "PUT",
      url: "/api/v1/admin/prices",
      headers: asUser(b.session),
      payload: { note: "Non", entries },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
