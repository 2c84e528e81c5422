import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { creditWallet } from "../../src/modules/billing";
import { PARTNER_CATEGORY_KEYS } from "../../src/modules/brokers/rules/partner-categories";
import { ensurePriceGrid } from "../../src/modules/market";
import type { Clock } from "../../src/platform/clock";
import { validLead } from "../factories/leads";
import { operatorSession, setBrokerageState, signedUpBroker } from "./brokers";
import { asUser, createTestApp, supplierFixture, type TestContext } from "./test-app";

/** Where a marketplace test starts: the app on its clock, a supplier, the price grid, an operator, and consent covering every partner category. */
export async function marketTestApp(clock: Clock) {
  const ctx = await createTestApp({}, { clock });
  const supplier = await supplierFixture(ctx);
  await ensurePriceGrid(ctx.db, clock());
  const operatorId = (await operatorSession(ctx)).user.id;
  await coverEveryCategory(ctx, supplier.version);
  return { ctx, supplier, operatorId };
}

/** A lead the supplier sends through the API, accepted, from the given postal code and city: its id. */
export async function acceptedLead(
  ctx: TestContext,
  supplier: { apiKey: string; version: string },
  at: { product: string; postalCode: string; city: string | undefined; now: Date },
) {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/leads",
    headers: { authorization: `Bearer ${supplier.apiKey}` },
    payload: validLead(
      supplier.version,
      { contact: { ...validLead(supplier.version).contact, postalCode: at.postalCode, city: at.city } },
      at.product,
      at.now,
    ),
  });
  expect(res.json().status, res.body).toBe("accepted");
  return res.json().id as string;
}

/**
 * Makes a consent text name every partner category, as the operator would publish it, so that its leads
 * may be sold. Published texts are immutable: the test lifts the trigger as the tables' owner.
 */
export async function coverEveryCategory(ctx: TestContext, version: string) {
  await ctx.owner.execute(sql`alter table consent_texts disable trigger user`);
  await ctx.owner.execute(
    sql`update consent_texts set partner_categories = ${sql.param([...PARTNER_CATEGORY_KEYS])}::text[] where version = ${version}`,
  );
  await ctx.owner.execute(sql`alter table consent_texts enable trigger user`);
}

/** A signed-up brokerage the operator verified, insurance and credit broker, with credits if asked. */
export async function verifiedBuyer(
  ctx: TestContext,
  opts: { operatorId: string; creditsCents?: number; orias?: string[]; partners?: string[]; now: Date },
) {
  const b = await signedUpBroker(ctx);
  await setBrokerageState(ctx, b.orgId, {
    verifiedBy: opts.operatorId,
    oriasCategories: opts.orias ?? ["COA", "COBSP"],
    partnerCategories: opts.partners ?? [...PARTNER_CATEGORY_KEYS],
  });
  const credits = opts.creditsCents ?? 0;
  if (credits > 0)
    await ctx.db.transaction((tx) =>
      creditWallet(tx, { orgId: b.orgId, amountCents: credits, kind: "adjustment", reference: `test-${b.orgId}`, now: opts.now }),
    );
  return b;
}

/** Reserves a marketplace lead and pays it in credits, as the broker's screen does; answers the failing response if any. */
export async function holdAndPay(ctx: TestContext, b: { session: Parameters<typeof asUser>[0] }, leadId: string, key: string) {
  const hold = await ctx.app.inject({
    method: "POST",
    url: `/api/v1/market/leads/${leadId}/hold`,
    headers: { ...asUser(b.session), "idempotency-key": key },
  });
  if (hold.statusCode !== 201) return hold;
  return ctx.app.inject({
    method: "POST",
    url: `/api/v1/market/holds/${hold.json().id}/pay`,
    headers: asUser(b.session),
    payload: { method: "credits" },
  });
}

export { operatorSession, signedUpBroker };
