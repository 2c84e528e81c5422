import { sql } from "drizzle-orm";
import { creditWallet } from "../../src/modules/billing";
import { PARTNER_CATEGORY_KEYS } from "../../src/modules/brokers/rules/partner-categories";
import { operatorSession, setBrokerageState, signedUpBroker } from "./brokers";
import { asUser, type TestContext } from "./test-app";

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
