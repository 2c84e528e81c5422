import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../../../../tests/support/pdf-text";
import { asUser, createOrgWithUser, createTestApp, json, login, TEST_PASSWORD, type TestContext } from "../../../../tests/support/test-app";
import { loadConfig } from "../../../platform/config";
import { createUser } from "../../accounts";
import { auditEvents } from "../../audit/schema";
import { addMonths, parisMonth } from "../../catalogue/rules/dates";
import { monthLabel } from "../rules/statement-month";
import { cardPayments } from "../schema";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function broker() {
  const admin = await createOrgWithUser(ctx, "broker_admin");
  const session = await login(ctx.app, admin.email);
  return { orgId: admin.org.id, userId: admin.user.id, session, headers: asUser(session) };
}

const topUp = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/billing/top-ups", headers, payload });

describe("credits & invoices routes (demonstration card)", () => {
  it("lists the packs with HT, bonus, VAT and TTC, and says the card is the demonstration one", async () => {
    const b = await broker();
    const provider = await ctx.app.inject({ method: "GET", url: "/api/v1/billing/payment-provider", headers: b.headers });
    expect(json(provider)).toEqual({ name: "demo", isDemo: true, publishableKey: null });
    // No Stripe.js on a demonstration deployment: the policy stays 'self'.
    expect(provider.headers["content-security-policy"]).not.toContain("stripe.com");
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/billing/packs", headers: b.headers });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.packs.find((p: { id: string }) => p.id === "pack-500")).toEqual({
      id: "pack-500",
      label: "Pack 500 €",
      priceCents: 50_000,
      bonusCents: 3_000,
      creditsCents: 53_000,
      vatCents: 10_000,
      totalTtcCents: 60_000,
    });
  });

  it("tops up by demo card: credits with bonus, a ledger row, an invoice TTC in the list and as PDF", async () => {
    const b = await broker();
    const res = await topUp(b.headers, { packId: "pack-500", cardNumber: "4242 4242 4242 4242" });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: "succeeded" });
    const wallet = json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers: b.headers }));
    expect(wallet.balanceCents).toBe(53_000);
    expect(wallet.total).toBe(1);
    expect(wallet.items[0]).toMatchObject({ kind: "top_up", amountCents: 53_000, balanceAfterCents: 53_000 });
    expect(wallet.items[0].description).toContain("Pack 500 €");

    const invoices = json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/invoices", headers: b.headers })).items;
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ totalHtCents: 50_000, vatCents: 10_000, totalTtcCents: 60_000 });
    expect(invoices[0].number).toMatch(/^FA-\d{4}-\d{6}$/);
    const pdf = await ctx.app.inject({ method: "GET", url: `/api/v1/billing/invoices/${invoices[0].id}/pdf`, headers: b.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${invoices[0].number}.pdf"`);
    const text = (await extractPdfText(pdf.rawPayload)).pages.join("\n");
    expect(text).toContain(`Facture ${invoices[0].number}`);
    expect(text).toContain("Pack 500 € — crédits prépayés LeadsAssurance");
    expect(text).toContain("Bonus : 30,00 € de crédits offerts");
    expect(text).toContain("Total TTC 600,00 €");

    const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orgId, b.orgId));
    expect(payment).toMatchObject({ status: "succeeded", provider: "demo", amountCents: 60_000, purpose: "credit_top_up" });
    const actions = (await ctx.db.select().from(auditEvents).where(eq(auditEvents.orgId, b.orgId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["payment.started", "payment.succeeded", "credits.credited", "invoice.issued"]));
  });

  it("a declined demo card credits nothing and issues no invoice", async () => {
    const b = await broker();
    const res = await topUp(b.headers, { packId: "pack-100", cardNumber: "4000 0000 0000 0002" });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: "failed", reason: "Carte refusée (carte de démonstration)" });
    expect(json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers: b.headers })).balanceCents).toBe(0);
    expect(json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/invoices", headers: b.headers })).items).toEqual([]);
  });

  it("refuses an unknown card number or pack with a 400 naming the field", async () => {
    const b = await broker();
    const unknown = await topUp(b.headers, { packId: "pack-100", cardNumber: "5555 5555 5555 4444" });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).error).toMatchObject({ code: "validation_error", field: "cardNumber" });
    const pack = await topUp(b.headers, { packId: "pack-7", cardNumber: "4242424242424242" });
    expect(pack.statusCode).toBe(400);
    expect(json(pack).error.field).toBe("body.packId");
    expect(json(pack).error.message).toContain("Pack de recharge");
    const letters = await topUp(b.headers, { packId: "pack-100", cardNumber: "abcd" });
    expect(letters.statusCode).toBe(400);
    expect(json(letters).error.field).toBe("body.cardNumber");
  });

  it("scopes everything to the caller's organisation: another brokerage's invoice is 404", async () => {
    const a = await broker();
    const other = await broker();
    await topUp(a.headers, { packId: "pack-100", cardNumber: "4242424242424242" });
    const [invoice] = json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/invoices", headers: a.headers })).items;
    const stolen = await ctx.app.inject({ method: "GET", url: `/api/v1/billing/invoices/${invoice.id}/pdf`, headers: other.headers });
    expect(stolen.statusCode).toBe(404);
    expect(json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/invoices", headers: other.headers })).items).toEqual([]);
    expect(json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers: other.headers })).balanceCents).toBe(0);
  });

  it("agents see credits but only the brokerage's admin buys; suppliers and anonymous callers are refused", async () => {
    const a = await broker();
    const agent = await createUser(ctx.db, {
      orgId: a.orgId,
      role: "broker_agent",
      email: `agent-billing-${Date.now()}@test.local`,
      password: TEST_PASSWORD,
      firstName: "Jocelyne",
      lastName: "Martin",
    });
    const agentHeaders = asUser(await login(ctx.app, agent.email));
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers: agentHeaders })).statusCode).toBe(200);
    expect((await topUp(agentHeaders, { packId: "pack-100", cardNumber: "4242424242424242" })).statusCode).toBe(403);
    const supplier = await createOrgWithUser(ctx, "supplier");
    const supplierHeaders = asUser(await login(ctx.app, supplier.email));
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers: supplierHeaders })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/billing/invoices" })).statusCode).toBe(401);
  });

  it("serves the monthly statement as PDF, of a month begun, and refuses a malformed month or one to come", async () => {
    const b = await broker();
    const statement = (month: string) =>
      ctx.app.inject({ method: "GET", url: `/api/v1/billing/statements/${month}/pdf`, headers: b.headers });
    // This month and the next, in Paris, whatever day the suite runs; the next is asked for at once, so
    // that a run at a month's last midnight cannot see it begin in between.
    const current = parisMonth(ctx.clock());
    const later = await statement(addMonths(current, 1));
    expect(later.statusCode).toBe(400);
    expect(json(later).error).toMatchObject({ field: "params.month", message: "Mois du relevé : ce mois n'a pas encore commencé" });
    const ok = await statement(current);
    expect(ok.statusCode).toBe(200);
    expect((await extractPdfText(ok.rawPayload)).pages.join("\n")).toContain(monthLabel(current).split(" ")[0]);
    const bad = await statement("2026-13");
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe("params.month");
  });
});

describe("billing identity", () => {
  it("the admin sets the address and VAT number printed on the next invoices; a VAT number of another SIREN is refused", async () => {
    const b = await broker(); // SIREN 732829320 (tests/support/test-app.ts)
    const put = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: "PUT", url: "/api/v1/billing/identity", headers: b.headers, payload });
    const wrongSiren = await put({ address: "5 quai Rambaud\n69002 Lyon", vatNumber: "FR96552100554" });
    expect(wrongSiren.statusCode).toBe(400);
    expect(json(wrongSiren).error).toMatchObject({ field: "body.vatNumber", message: expect.stringContaining("SIREN") });
    const badKey = await put({ address: "5 quai Rambaud\n69002 Lyon", vatNumber: "FR45732829320" });
    expect(json(badKey).error.message).toContain("la clé ne correspond pas au SIREN");
    const ok = await put({ address: "  5 quai Rambaud \n\n 69002 Lyon ", vatNumber: "fr 44 732 829 320" });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ address: "5 quai Rambaud\n69002 Lyon", vatNumber: "FR44732829320", siren: "732829320" });
    await topUp(b.headers, { packId: "pack-100", cardNumber: "4242424242424242" });
    const [invoice] = json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/invoices", headers: b.headers })).items;
    const pdf = await ctx.app.inject({ method: "GET", url: `/api/v1/billing/invoices/${invoice.id}/pdf`, headers: b.headers });
    const text = (await extractPdfText(pdf.rawPayload)).pages.join("\n");
    expect(text).toContain("69002 Lyon");
    expect(text).toContain("N° TVA intracommunautaire : FR44732829320");
    const event = (await ctx.db.select().from(auditEvents).where(eq(auditEvents.orgId, b.orgId))).find(
      (e) => e.action === "billing_identity.updated",
    );
    expect(event?.data).toMatchObject({ vatNumber: "FR44732829320" });
  });
});

describe("payment provider configuration", () => {
  const prod = {
    NODE_ENV: "production",
    SESSION_SECRET: "s".repeat(40),
    SMTP_URL: "smtp://127.0.0.1:2525",
    TRUST_PROXY: "none",
    AUDIT_KEYS: "k:x",
    AUDIT_CHECKPOINT_DIR: "/tmp/x",
    SELLER_NAME: "LeadsAssurance SAS",
    SELLER_ADDRESS: "10 rue de la Paix ; 75002 Paris",
    SELLER_SIREN: "732829320",
    SELLER_VAT_NUMBER: "FR44732829320",
  };
  it("production refuses to start with the demonstration card, and requires Stripe's keys and the seller's identity", () => {
    expect(() => loadConfig({ ...prod, PAYMENT_PROVIDER: "demo" })).toThrow(/PAYMENT_PROVIDER=demo est interdit en production/);
    expect(() => loadConfig(prod)).toThrow(/STRIPE_SECRET_KEY et STRIPE_WEBHOOK_SECRET/);
    const stripe = { STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };
    expect(() => loadConfig({ ...prod, ...stripe })).toThrow(/STRIPE_PUBLISHABLE_KEY/);
    expect(() => loadConfig({ ...prod, ...stripe, STRIPE_PUBLISHABLE_KEY: "sk_live_x" })).toThrow(/clé publiable/);
    Object.assign(stripe, { STRIPE_PUBLISHABLE_KEY: "pk_live_x" });
    expect(loadConfig({ ...prod, ...stripe }).PAYMENT_PROVIDER).toBe("stripe");
    expect(() => loadConfig({ ...prod, ...stripe, SELLER_SIREN: undefined })).toThrow(/SELLER_SIREN/);
  });

  it("outside production, the demonstration card is the default", () => {
    expect(loadConfig({ NODE_ENV: "development" }).PAYMENT_PROVIDER).toBe("demo");
  });
});
