import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intentEvent, signWebhook, startStripeStub } from "../../../../tests/support/stripe-stub";
import { asUser, createOrgWithUser, createTestApp, json, login, type TestContext } from "../../../../tests/support/test-app";
import { loadConfig } from "../../../platform/config";
import { walletBalance } from "../move-credits";
import { cardPayments, invoices, ledgerEntries } from "../schema";
import { paymentProviderOf } from "./provider-of";
import { reconcilePendingPayments } from "./reconcile-payments";

/**
 * The Stripe SDK pointed at a local stub of its API (STRIPE_API_URL): what our server sends to Stripe is
 * checked at the network edge, and webhooks are signed with the same secret as Stripe would.
 */
const WEBHOOK_SECRET = "whsec_test_local_stub";
let stub: Awaited<ReturnType<typeof startStripeStub>>;
let ctx: TestContext;

beforeAll(async () => {
  stub = await startStripeStub({ webhookSecret: WEBHOOK_SECRET });
  ctx = await createTestApp({
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_local_stub",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PUBLISHABLE_KEY: "pk_test_local_stub",
    STRIPE_API_URL: stub.url,
  });
});
afterAll(async () => {
  await ctx.close();
  await stub.close();
});

const deliver = (payload: string, signature?: string) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/v1/billing/webhooks/stripe",
    headers: {
      "content-type": "application/json",
      "stripe-signature": signature ?? signWebhook(payload, WEBHOOK_SECRET),
    },
    payload,
  });

async function startTopUp(packId = "pack-250") {
  const admin = await createOrgWithUser(ctx, "broker_admin");
  const headers = asUser(await login(ctx.app, admin.email));
  const res = await ctx.app.inject({ method: "POST", url: "/api/v1/billing/top-ups", headers, payload: { packId } });
  expect(res.statusCode).toBe(200);
  return { orgId: admin.org.id, headers, body: json(res) };
}

describe("Stripe PaymentIntents", () => {
  it("creates a PaymentIntent for the pack's price with VAT, our payment id in metadata and as idempotency key", async () => {
    const { body, orgId } = await startTopUp("pack-250");
    expect(body).toMatchObject({ status: "requires_confirmation", clientSecret: expect.stringMatching(/^pi_stub_\d+_secret_abc$/) });
    const call = stub.calls.at(-1);
    expect(call?.path).toBe("/v1/payment_intents");
    expect(call?.headers.authorization).toBe("Bearer sk_test_local_stub");
    expect(call?.headers["idempotency-key"]).toBe(`payment-${body.paymentId}`);
    expect(call?.form.get("amount")).toBe("30000");
    expect(call?.form.get("currency")).toBe("eur");
    expect(call?.form.get("metadata[paymentId]")).toBe(body.paymentId);
    const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orgId, orgId));
    expect(payment).toMatchObject({ status: "pending", provider: "stripe", providerPaymentId: expect.stringMatching(/^pi_stub_/) });
  });

  it("tells the browser to confirm with Stripe.js and its publishable key, and allows Stripe in the CSP", async () => {
    const admin = await createOrgWithUser(ctx, "broker_agent");
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/billing/payment-provider",
      headers: asUser(await login(ctx.app, admin.email)),
    });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ name: "stripe", isDemo: false, publishableKey: "pk_test_local_stub" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self' https://js.stripe.com https://*.js.stripe.com;");
    expect(csp).toContain("frame-src 'self' https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com;");
    expect(csp).toContain("connect-src 'self' https://api.stripe.com;");
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/billing/payment-provider" })).statusCode).toBe(401);
  });

  it("the payment's status stays pending until the webhook settles it, and only its organisation sees it", async () => {
    const { body, headers } = await startTopUp("pack-100");
    const status = () => ctx.app.inject({ method: "GET", url: `/api/v1/billing/payments/${body.paymentId}`, headers });
    expect(json(await status())).toEqual({ paymentId: body.paymentId, status: "pending", failureReason: null });
    await deliver(intentEvent("payment_intent.payment_failed", "pi_w", body.paymentId));
    expect(json(await status())).toEqual({ paymentId: body.paymentId, status: "failed", failureReason: "Your card was declined." });
    const other = asUser(await login(ctx.app, (await createOrgWithUser(ctx, "broker_admin")).email));
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/billing/payments/${body.paymentId}`, headers: other });
    expect(res.statusCode).toBe(404);
  });

  it("credits once for a signed payment_intent.succeeded, however many times it is delivered", async () => {
    const { body, orgId, headers } = await startTopUp("pack-250");
    const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.id, body.paymentId));
    const event = intentEvent("payment_intent.succeeded", payment?.providerPaymentId ?? "", body.paymentId, "evt_same");
    for (let i = 0; i < 3; i++) {
      const res = await deliver(event);
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({ received: true });
    }
    // Two different deliveries of the same success (Stripe may resend under a new event id) too.
    expect((await deliver(intentEvent("payment_intent.succeeded", payment?.providerPaymentId ?? "", body.paymentId))).statusCode).toBe(200);
    const wallet = json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers }));
    expect(wallet.balanceCents).toBe(26_000);
    expect(await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.orgId, orgId))).toHaveLength(1);
    const issued = await ctx.db.select().from(invoices).where(eq(invoices.orgId, orgId));
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ totalHtCents: 25_000, vatCents: 5_000, totalTtcCents: 30_000, paymentId: body.paymentId });
  });

  it.runIf(process.env.DATABASE_URL)("on PostgreSQL, the same success delivered 8 times at once credits once", async () => {
    const { body, orgId, headers } = await startTopUp("pack-1000");
    const event = intentEvent("payment_intent.succeeded", "pi_parallel", body.paymentId);
    const answers = await Promise.all(Array.from({ length: 8 }, () => deliver(event)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers })).balanceCents).toBe(108_000);
    expect(await ctx.db.select().from(invoices).where(eq(invoices.orgId, orgId))).toHaveLength(1);
  });

  it("a payment_failed webhook marks the payment failed and credits nothing; a later success does not resurrect it", async () => {
    const { body, headers } = await startTopUp("pack-100");
    expect((await deliver(intentEvent("payment_intent.payment_failed", "pi_x", body.paymentId))).statusCode).toBe(200);
    const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.id, body.paymentId));
    expect(payment).toMatchObject({ status: "failed", failureReason: "Your card was declined." });
    await deliver(intentEvent("payment_intent.succeeded", "pi_x", body.paymentId));
    expect(json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers })).balanceCents).toBe(0);
  });

  it("refuses a webhook with a bad or missing signature (400) and changes nothing", async () => {
    const { body, headers } = await startTopUp("pack-100");
    const event = intentEvent("payment_intent.succeeded", "pi_y", body.paymentId);
    const forged = signWebhook(event, "whsec_attacker");
    for (const res of [await deliver(event, forged), await deliver(event, "")]) {
      expect(res.statusCode).toBe(400);
      expect(json(res).error.code).toBe("webhook_signature_invalid");
    }
    // The payload altered after signing.
    const signed = signWebhook(event, WEBHOOK_SECRET);
    expect((await deliver(event.replace("pi_y", "pi_z"), signed)).statusCode).toBe(400);
    expect(json(await ctx.app.inject({ method: "GET", url: "/api/v1/billing/wallet", headers })).balanceCents).toBe(0);
  });

  it("acknowledges events it does not handle", async () => {
    const payload = JSON.stringify({ id: "evt_other", object: "event", type: "customer.created", data: { object: { id: "cus_1" } } });
    expect((await deliver(payload)).statusCode).toBe(200);
  });

  it("reconciliation asks Stripe for intents pending over 30 minutes: succeeded credits, canceled fails, unconfirmed waits", async () => {
    const paid = await startTopUp("pack-100");
    const canceled = await startTopUp("pack-100");
    const waiting = await startTopUp("pack-100");
    const intentOf = async (orgId: string) => (await ctx.db.select().from(cardPayments).where(eq(cardPayments.orgId, orgId)))[0];
    const [p, c, w] = [await intentOf(paid.orgId), await intentOf(canceled.orgId), await intentOf(waiting.orgId)];
    stub.intentStates.set(p?.providerPaymentId as string, { status: "succeeded" });
    stub.intentStates.set(c?.providerPaymentId as string, { status: "canceled" });
    const provider = paymentProviderOf(
      loadConfig({
        NODE_ENV: "test",
        PAYMENT_PROVIDER: "stripe",
        STRIPE_SECRET_KEY: "sk_test_local_stub",
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_PUBLISHABLE_KEY: "pk_test_local_stub",
        STRIPE_API_URL: stub.url,
      }),
    );
    const soon = new Date(Date.now() + 5 * 60_000);
    expect((await reconcilePendingPayments(ctx.db, provider, soon, { olderThanMinutes: 30 })).checked).toBe(0);
    const result = await reconcilePendingPayments(ctx.db, provider, new Date(Date.now() + 31 * 60_000), { olderThanMinutes: 30 });
    expect(result).toMatchObject({ succeeded: 1, failed: 1, unreachable: 0 });
    expect(stub.calls.some((call) => call.method === "GET" && call.path.startsWith(`/v1/payment_intents/${p?.providerPaymentId}`))).toBe(
      true,
    );
    expect(await walletBalance(ctx.db, paid.orgId)).toBe(10_000);
    expect((await intentOf(canceled.orgId))?.status).toBe("failed");
    expect((await intentOf(canceled.orgId))?.failureReason).toBe("Paiement annulé");
    expect((await intentOf(waiting.orgId))?.status).toBe("pending");
    expect(w?.providerPaymentId).toMatch(/^pi_stub_/);
  });
});
