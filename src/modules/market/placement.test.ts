import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { marketTestApp, signedUpBroker, verifiedBuyer } from "../../../tests/support/market";
import { asUser, bearer, type supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { rawRows } from "../../platform/db/raw-rows";
import { routeLeads } from "./route-leads";
import { freshnessDeadlines } from "./rules/freshness";

/**
 * Where the intake puts an accepted lead (store-leads.ts): in the stock at once when no active order of a
 * verified brokerage asks for its product and type, in the router's backlog otherwise; in one statement
 * for a whole batch, whatever each lead's fate.
 */

/** Thursday 25 March 2027, 10:00 in Paris: the next day is Good Friday, a public holiday in Alsace-Moselle only. */
const now = new Date("2027-03-25T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operatorId: string;

beforeAll(async () => {
  ({ ctx, supplier, operatorId } = await marketTestApp(clock));
});
afterAll(() => ctx.close());

const lead = (product: string, postalCode: string, city: string) =>
  validLead(supplier.version, { contact: { ...validLead(supplier.version).contact, postalCode, city } }, product, clock());

async function order(
  b: { session: Parameters<typeof asUser>[0] },
  products: string[],
  leadType: "lead" | "rdv",
  departements: string[] = [],
) {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/market/orders",
    headers: asUser(b.session),
    payload: { name: "Commande", products, leadType, departements, weeklyCap: 50, dailyCap: null },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function sendBatch(leads: object[]) {
  const res = await ctx.app.inject({ method: "POST", url: "/api/v1/leads/batch", headers: bearer(supplier.apiKey), payload: { leads } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().results as { id: string; status: string }[]).map((r) => ({ id: r.id, status: r.status }));
}

interface Placed {
  lead_id: string;
  in_backlog: boolean;
  listing: {
    lead_type: string;
    departement: string;
    consent_method: string;
    consent_text_id: string;
    received_at: string;
    stocked_at: string;
    tier24_until: string;
    tier48_until: string;
    expires_at: string;
  } | null;
  consent: { method: string; consent_text_id: string } | null;
}

async function placement(ids: string[]): Promise<Map<string, Placed>> {
  const rows = await rawRows<Placed>(
    ctx.db,
    sql`select l.id as lead_id, exists (select 1 from intake_backlog b where b.lead_id = l.id) as in_backlog,
               (select row_to_json(m) from market_listings m where m.lead_id = l.id) as listing,
               (select json_build_object('method', k.method, 'consent_text_id', k.consent_text_id) from lead_consents k where k.lead_id = l.id) as consent
        from leads l where l.id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.lead_id, r]));
}

const instant = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);

describe("where the intake puts an accepted lead", () => {
  it("stocks at once, in the batch's one statement, what no order asks for, with its deadlines in its département's business hours", async () => {
    const [paris, strasbourg, refused] = await sendBatch([
      lead("mutuelle-sante", "75011", "Paris"),
      lead("mutuelle-sante", "67000", "Strasbourg"),
      { ...lead("mutuelle-sante", "75011", "Paris"), consent: undefined },
    ]);
    expect([paris?.status, strasbourg?.status, refused?.status]).toEqual(["accepted", "accepted", "rejected"]);
    const placed = await placement([paris?.id, strasbourg?.id, refused?.id] as string[]);

    for (const [id, departement] of [
      [paris?.id, "75"],
      [strasbourg?.id, "67"],
    ] as const) {
      const p = placed.get(id as string) as Placed;
      expect(p.in_backlog).toBe(false);
      const expected = freshnessDeadlines(now, departement);
      expect(p.listing).toMatchObject({ lead_type: "lead", departement, consent_method: p.consent?.method });
      expect(p.listing?.consent_text_id).toBe(p.consent?.consent_text_id);
      expect([p.listing?.received_at, p.listing?.stocked_at].map(instant)).toEqual([now.toISOString(), now.toISOString()]);
      expect([p.listing?.tier24_until, p.listing?.tier48_until, p.listing?.expires_at].map(instant)).toEqual([
        expected.tier24Until.toISOString(),
        expected.tier48Until.toISOString(),
        expected.expiresAt.toISOString(),
      ]);
    }
    // Good Friday counts in Paris and not in Strasbourg: each lead got its own region's deadlines.
    expect(instant(placed.get(paris?.id as string)?.listing?.tier24_until)).toBe(new Date("2027-03-26T10:00:00+01:00").toISOString());
    expect(instant(placed.get(strasbourg?.id as string)?.listing?.tier24_until)).not.toBe(
      instant(placed.get(paris?.id as string)?.listing?.tier24_until),
    );
    // A rejected lead is offered to no one.
    expect(placed.get(refused?.id as string)).toMatchObject({ in_backlog: false, listing: null });
  });

  it("leaves to the router what an active order of a verified brokerage asks for, and only that", async () => {
    const car = await verifiedBuyer(ctx, { operatorId, creditsCents: 100_000, now });
    await order(car, ["assurance-auto"], "lead", ["33"]);
    // Orders that cannot take a health lead: paused, of an unverified brokerage, for RDVs, for other products.
    const paused = await verifiedBuyer(ctx, { operatorId, creditsCents: 100_000, now });
    const pausedId = await order(paused, ["mutuelle-sante"], "lead");
    const patch = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/market/orders/${pausedId}`,
      headers: asUser(paused.session),
      payload: { status: "paused" },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    await order(await signedUpBroker(ctx), ["mutuelle-sante"], "lead");
    await order(await verifiedBuyer(ctx, { operatorId, creditsCents: 100_000, now }), ["mutuelle-sante"], "rdv");

    const [health, carInZone, carOutOfZone] = await sendBatch([
      lead("mutuelle-sante", "75011", "Paris"),
      lead("assurance-auto", "33000", "Bordeaux"),
      lead("assurance-auto", "75011", "Paris"),
    ]);
    const placed = await placement([health?.id, carInZone?.id, carOutOfZone?.id] as string[]);
    expect(placed.get(health?.id as string)).toMatchObject({ in_backlog: false, listing: { departement: "75" } });
    // Both car leads wait for the router, which alone weighs zones, caps, credit, ORIAS and consent coverage.
    for (const id of [carInZone?.id, carOutOfZone?.id]) expect(placed.get(id as string)).toMatchObject({ in_backlog: true, listing: null });

    const routed = await ctx.db.transaction((tx) => routeLeads(tx, [carInZone?.id, carOutOfZone?.id] as string[], now));
    expect(routed.sold.map((s) => [s.leadId, s.buyerOrgId])).toEqual([[carInZone?.id, car.orgId]]);
    expect(routed.stocked).toBe(1);
    expect((await placement([carOutOfZone?.id as string])).get(carOutOfZone?.id as string)?.listing).toMatchObject({ departement: "75" });
  });
});
