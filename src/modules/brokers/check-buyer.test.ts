import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorSession, setBrokerageState, signedUpBroker } from "../../../tests/support/brokers";
import { createOrgWithUser, createTestApp, type TestContext } from "../../../tests/support/test-app";
import { publishConsentText } from "../consent";
import { assertMayBuy, buyerProblems } from "./index";

let ctx: TestContext;
let operatorId: string;
let coveringTextId: string;
let healthOnlyTextId: string;
let seq = 0;
beforeAll(async () => {
  ctx = await createTestApp();
  operatorId = (await operatorSession(ctx)).user.id;
  const base = {
    title: "Consentement",
    body: "J'accepte d'être contacté(e) par les partenaires de LeadsAssurance au sujet de ma demande, consentement révocable.",
    partners: ["Partenaires de LeadsAssurance"],
    publishedAt: new Date("2026-08-01T00:00:00Z"),
  };
  coveringTextId = (
    await publishConsentText(
      ctx.db,
      {},
      { ...base, version: `BUY-${++seq}`, partnerCategories: ["credit-immobilier", "assurance-sante-prevoyance"] },
    )
  ).id;
  healthOnlyTextId = (
    await publishConsentText(ctx.db, {}, { ...base, version: `BUY-${++seq}`, partnerCategories: ["assurance-sante-prevoyance"] })
  ).id;
});
afterAll(() => ctx.close());

/** A verified brokerage registered as `oriasCategories`, in `partnerCategories`. */
async function broker(state: { verified: boolean; oriasCategories: string[]; partnerCategories: string[] }) {
  const b = await signedUpBroker(ctx, { oriasCategories: state.oriasCategories as ["COA"] });
  await setBrokerageState(ctx, b.orgId, {
    verifiedBy: state.verified ? operatorId : null,
    partnerCategories: state.partnerCategories,
  });
  return b.orgId;
}

const codes = async (orgId: string, lead: { product: string; consentTextId: string }) =>
  (await buyerProblems(ctx.db, orgId, lead)).map((p) => p.code);

describe("who may buy a lead", () => {
  it("a verified broker, registered for the product, covered by the consent, may buy", async () => {
    const org = await broker({ verified: true, oriasCategories: ["COBSP"], partnerCategories: ["credit-immobilier"] });
    expect(await buyerProblems(ctx.db, org, { product: "credit-immobilier", consentTextId: coveringTextId })).toEqual([]);
    await expect(assertMayBuy(ctx.db, org, { product: "credit-immobilier", consentTextId: coveringTextId })).resolves.toBeUndefined();
  });

  it("an unverified broker is refused: broker_not_verified", async () => {
    const org = await broker({ verified: false, oriasCategories: ["COBSP"], partnerCategories: ["credit-immobilier"] });
    expect(await codes(org, { product: "credit-immobilier", consentTextId: coveringTextId })).toEqual(["broker_not_verified"]);
  });

  it("a credit lead to an insurance-only broker is refused: orias_category_missing", async () => {
    const org = await broker({
      verified: true,
      oriasCategories: ["COA"],
      partnerCategories: ["credit-immobilier", "assurance-sante-prevoyance"],
    });
    const problems = await buyerProblems(ctx.db, org, { product: "credit-immobilier", consentTextId: coveringTextId });
    expect(problems.map((p) => p.code)).toEqual(["orias_category_missing"]);
    expect(problems[0]?.message).toMatch(/Courtier en opérations de banque et en services de paiement \(COBSP\)/);
    // The same broker may buy a health lead.
    expect(await codes(org, { product: "mutuelle-sante", consentTextId: coveringTextId })).toEqual([]);
  });

  it("a consent that does not cover the broker is refused: consent_not_covering", async () => {
    const org = await broker({ verified: true, oriasCategories: ["COBSP"], partnerCategories: ["credit-immobilier"] });
    expect(await codes(org, { product: "credit-immobilier", consentTextId: healthOnlyTextId })).toEqual(["consent_not_covering"]);
    // A broker in no category at all is covered by no text naming categories only.
    const none = await broker({ verified: true, oriasCategories: ["COBSP"], partnerCategories: [] });
    expect(await codes(none, { product: "credit-immobilier", consentTextId: coveringTextId })).toEqual(["consent_not_covering"]);
  });

  it("lists every problem at once, and assertMayBuy throws buyer_not_eligible (403) with them in French", async () => {
    const org = await broker({ verified: false, oriasCategories: ["COA"], partnerCategories: [] });
    const lead = { product: "rachat-credits", consentTextId: healthOnlyTextId };
    expect(await codes(org, lead)).toEqual(["broker_not_verified", "orias_category_missing", "consent_not_covering"]);
    const error = await assertMayBuy(ctx.db, org, lead).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "buyer_not_eligible", status: 403 });
    expect((error as Error).message).toMatch(
      /^Votre cabinet ne peut pas acheter ce lead : L'inscription ORIAS .* ; Ce lead demande .* ; Le consentement/,
    );
    expect((error as { details: unknown[] }).details).toHaveLength(3);
  });

  it("an organisation that is not a brokerage is refused: not_a_broker", async () => {
    const supplier = await createOrgWithUser(ctx, "supplier");
    expect(await codes(supplier.org.id, { product: "mutuelle-sante", consentTextId: coveringTextId })).toEqual(["not_a_broker"]);
    // A cabinet known only to the CRM (no brokerage row) may not buy either.
    const crmOnly = await createOrgWithUser(ctx, "broker_admin");
    expect(await codes(crmOnly.org.id, { product: "mutuelle-sante", consentTextId: coveringTextId })).toEqual(["not_a_broker"]);
    expect(await codes("00000000-0000-4000-8000-000000000000", { product: "mutuelle-sante", consentTextId: coveringTextId })).toEqual([
      "not_a_broker",
    ]);
  });

  it("a refused brokerage may not buy, and says so", async () => {
    const org = await broker({ verified: true, oriasCategories: ["COA"], partnerCategories: ["assurance-sante-prevoyance"] });
    const op = await operatorSession(ctx);
    await ctx.app.inject({
      method: "POST",
      url: `/api/v1/admin/brokerages/${org}/refuse`,
      headers: { cookie: op.session.cookie, "x-csrf-token": op.session.csrf },
      payload: { reason: "Inscription ORIAS radiée" },
    });
    const problems = await buyerProblems(ctx.db, org, { product: "mutuelle-sante", consentTextId: coveringTextId });
    expect(problems).toEqual([{ code: "broker_not_verified", message: expect.stringMatching(/refusée/) }]);
  });
});
