import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validRdv } from "../../../tests/factories/leads";
import { bearer, createOrgWithUser, createTestApp, publishTestConsentText, type TestContext } from "../../../tests/support/test-app";
import { ensurePriceGrid } from "./price-grid";

/** Tuesday 1 December 2026, 10:00 in Paris. */
const now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let key: string;
let version: string;
let rdvVersion: string;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  key = (await createOrgWithUser(ctx, "supplier")).apiKey as string;
  version = (await publishTestConsentText(ctx)).version;
  rdvVersion = (await publishTestConsentText(ctx)).version;
  await ensurePriceGrid(ctx.db, now);
});
afterAll(() => ctx.close());

const post = (payload: unknown) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(key), payload: payload as object });
const rdv = (overrides = {}, product?: string) => validRdv(version, rdvVersion, now, overrides, product);

describe("RDV in the marketplace", () => {
  it("puts an RDV no order asks for in the marketplace as an RDV, priced from the grid's RDV line", async () => {
    const res = await post(rdv());
    expect(res.json().status, res.body).toBe("accepted");
    const id = res.json().id as string;
    const rows = async <T>(q: ReturnType<typeof sql>) => (await ctx.db.execute(q)) as unknown as { rows: T[] };
    const listing = await rows<{ lead_type: string }>(sql`select lead_type from market_listings where lead_id = ${id}::uuid`);
    expect(listing.rows[0]?.lead_type).toBe("rdv");
    // The marketplace prices a listing by its type (list-market.ts, hold-lead.ts): the grid has an RDV line, dearer.
    const prices = await rows<{ lead_type: string; price_cents: number }>(
      sql`select lead_type, price_cents from prices where product = 'assurance-emprunteur' and channel = 'marketplace' and tier = '24h'
          and version = (select max(version) from price_grids) order by lead_type`,
    );
    const [lead, rdvPrice] = prices.rows;
    expect(rdvPrice?.lead_type).toBe("rdv");
    expect(rdvPrice?.price_cents).toBeGreaterThan(lead?.price_cents ?? 0);
  });
});
