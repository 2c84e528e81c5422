import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead, validRdv } from "../../../../tests/factories/leads";
import { coverEveryCategory, holdAndPay, operatorSession, verifiedBuyer } from "../../../../tests/support/market";
import { asUser, bearer, createTestApp, supplierFixture, type TestContext } from "../../../../tests/support/test-app";
import { rawRows } from "../../../platform/db/raw-rows";
import { DEMO_CONSENT_TEXT } from "../../../seed/demo-consent-text";
import { walletBalance } from "../../billing";
import { publishConsentText } from "../../consent";
import { ensurePriceGrid } from "../../market";

/** Wednesday 2 December 2026, 15:00 in Paris. */
const now = new Date("2026-12-02T15:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operator: Awaited<ReturnType<typeof operatorSession>>;
let seq = 0;

type Buyer = Awaited<ReturnType<typeof verifiedBuyer>>;
const buyer = () => verifiedBuyer(ctx, { operatorId: operator.user.id, creditsCents: 100_000, now });

async function bought(b: Buyer, payload: object = validLead(supplier.version, {}, "assurance-auto", clock())) {
  const res = await ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(supplier.apiKey), payload });
  expect(res.json().status, res.body).toBe("accepted");
  const leadId = res.json().id as string;
  expect((await holdAndPay(ctx, b, leadId, `retour-${++seq}-0000`)).statusCode).toBe(200);
  return leadId;
}

const ask = (b: Buyer, leadId: string, body: unknown) =>
  ctx.app.inject({ method: "POST", url: `/api/v1/broker/leads/${leadId}/return`, headers: asUser(b.session), payload: body as object });
const decide = (returnId: string, body: unknown) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/v1/admin/returns/${returnId}/decision`,
    headers: asUser(operator.session),
    payload: body as object,
  });
const queue = async (status = "pending") =>
  (await ctx.app.inject({ method: "GET", url: `/api/v1/admin/returns?status=${status}`, headers: asUser(operator.session) })).json().items;

beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  supplier = await supplierFixture(ctx);
  await ensurePriceGrid(ctx.db, clock());
  operator = await operatorSession(ctx);
  await coverEveryCategory(ctx, supplier.version);
});
afterAll(() => ctx.close());

describe("returns (contestations)", () => {
  it("a broker returns a wrong number; the operator sees it with the brokerage's rate and accepts it: credits back, once", async () => {
    const b = await buyer();
    const leadId = await bought(b);
    const paid = await walletBalance(ctx.db, b.orgId);
    const res = await ask(b, leadId, { reason: "faux_numero", note: "Le numéro n'est pas attribué" });
    expect(res.statusCode, res.body).toBe(201);
    const returnId = res.json().id as string;
    expect(await walletBalance(ctx.db, b.orgId)).toBe(paid);

    const item = (await queue()).find((i: { id: string }) => i.id === returnId);
    expect(item).toMatchObject({
      leadId,
      reason: "faux_numero",
      product: "assurance-auto",
      brokerage: { orgId: b.orgId, purchases30d: 1, returns30d: 1, rate: 1 },
    });

    expect((await decide(returnId, { decision: "accept" })).json()).toEqual({ id: returnId, status: "accepted" });
    expect(await walletBalance(ctx.db, b.orgId)).toBe(paid + item.priceCents);
    const again = await decide(returnId, { decision: "accept" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("return_decided");
    expect(await walletBalance(ctx.db, b.orgId)).toBe(paid + item.priceCents);

    const [ledger] = await rawRows<{ kind: string; amount_cents: number }>(
      ctx.db,
      sql`select kind, amount_cents from ledger_entries where org_id = ${b.orgId}::uuid and reference = ${returnId}`,
    );
    expect(ledger).toEqual({ kind: "refund", amount_cents: item.priceCents });
    const detail = (await ctx.app.inject({ method: "GET", url: `/api/v1/broker/leads/${leadId}`, headers: asUser(b.session) })).json();
    expect(detail.return).toMatchObject({ status: "accepted", reason: "faux_numero" });
    expect(detail.returnOpen).toBe(false);
    expect(detail.timeline.map((t: { label: string }) => t.label)).toContain("Contestation acceptée : crédits remboursés");

    const stats = (await ctx.app.inject({ method: "GET", url: "/api/v1/leads/stats", headers: bearer(supplier.apiKey) })).json();
    expect(stats.returns.byReason).toContainEqual({ reason: "faux_numero", requested: 1, accepted: 1 });
  });

  it("refuses a second return, one past 7 days, 'injoignable' before 4 unanswered calls, and 'RDV non honoré' for a lead", async () => {
    const b = await buyer();
    const [first, late, unreachable] = [await bought(b), await bought(b), await bought(b)];
    expect((await ask(b, first, { reason: "hors_cible" })).statusCode).toBe(201);
    const twice = await ask(b, first, { reason: "doublon" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("return_exists");

    await ctx.owner.execute(sql`update lead_work set sold_at = sold_at - interval '7 days 1 minute' where lead_id = ${late}::uuid`);
    const tooLate = await ask(b, late, { reason: "faux_numero" });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error).toMatchObject({
      code: "return_window_closed",
      message: "Un lead ne peut être contesté que dans les 7 jours qui suivent son achat",
    });

    const early = await ask(b, unreachable, { reason: "injoignable" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ field: "reason" });
    expect(early.json().error.message).toContain("4 appels sans réponse");
    for (let i = 0; i < 4; i++)
      await ctx.app.inject({ method: "POST", url: `/api/v1/broker/leads/${unreachable}/failed-calls`, headers: asUser(b.session) });
    expect((await ask(b, unreachable, { reason: "rdv_non_honore" })).json().error.field).toBe("reason");
    expect((await ask(b, unreachable, { reason: "injoignable" })).statusCode).toBe(201);
  });

  it("caps a brokerage's returns at 15 % of its last 30 days' purchases, with a floor of 3", async () => {
    const b = await buyer();
    const leads = [await bought(b), await bought(b), await bought(b), await bought(b)];
    for (const leadId of leads.slice(0, 3)) expect((await ask(b, leadId, { reason: "hors_cible" })).statusCode).toBe(201);
    const capped = await ask(b, leads[3] as string, { reason: "hors_cible" });
    expect(capped.statusCode).toBe(409);
    expect(capped.json().error.code).toBe("return_cap_reached");
    expect(capped.json().error.message).toContain("3 contestation(s) pour 4 achat(s)");
  });

  it("a refusal needs a comment and refunds nothing; another brokerage and a broker cannot touch the return", async () => {
    const b = await buyer();
    const other = await buyer();
    const leadId = await bought(b);
    expect((await ask(other, leadId, { reason: "faux_numero" })).statusCode).toBe(404);
    const returnId = (await ask(b, leadId, { reason: "consentement_conteste" })).json().id as string;
    const balance = await walletBalance(ctx.db, b.orgId);
    const bare = await decide(returnId, { decision: "refuse" });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.field).toBe("body.comment");
    const byBroker = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/admin/returns/${returnId}/decision`,
      headers: asUser(b.session),
      payload: { decision: "accept" },
    });
    expect(byBroker.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/admin/returns", headers: asUser(b.session) })).statusCode).toBe(403);
    expect((await decide(returnId, { decision: "refuse", comment: "Preuve d'enregistrement fournie par l'apporteur" })).json().status).toBe(
      "refused",
    );
    expect(await walletBalance(ctx.db, b.orgId)).toBe(balance);
    const refused = (await queue("refused")).find((i: { id: string }) => i.id === returnId);
    expect(refused.decisionComment).toBe("Preuve d'enregistrement fournie par l'apporteur");
  });

  it("shows an RDV's appointment on its sheet, and takes 'RDV non honoré' only once the broker marked the no-show", async () => {
    const rdvVersion = (
      await publishConsentText(ctx.db, {}, { ...DEMO_CONSENT_TEXT, version: "RDV-RET-1", title: "Consentement renforcé RDV" })
    ).version;
    const b = await buyer();
    const leadId = await bought(b, validRdv(supplier.version, rdvVersion, now));
    const sheet = (await ctx.app.inject({ method: "GET", url: `/api/v1/broker/leads/${leadId}`, headers: asUser(b.session) })).json();
    expect(sheet.leadType).toBe("rdv");
    expect(sheet.appointment).toMatchObject({ channel: "telephone", confirmation: "email", consentTextVersion: "RDV-RET-1" });
    expect(sheet.appointment.availabilities).toHaveLength(2);
    const early = await ask(b, leadId, { reason: "rdv_non_honore" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain("non honoré");
    await ctx.owner.execute(sql`update lead_appointments set status = 'no_show' where lead_id = ${leadId}::uuid`);
    expect((await ask(b, leadId, { reason: "rdv_non_honore" })).statusCode).toBe(201);
  });

  it("answers any return body with a 4xx naming the field, never a 500", async () => {
    const b = await buyer();
    const leadId = await bought(b);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ reason: fc.oneof(fc.string(), fc.anything()), note: fc.anything() }, { requiredKeys: [] }),
        async (body) => {
          const res = await ask(b, leadId, body);
          expect([201, 400, 409]).toContain(res.statusCode);
          if (res.statusCode === 400) expect(res.json().error.field).toMatch(/\S/);
        },
      ),
      { numRuns: 50 },
    );
  });
});
