import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
interface StubCall {
  method: string;
  path: string;
  form: URLSearchParams;
  headers: IncomingMessage["headers"];
}

const WEBHOOK_SECRET = "whsec_test_local_stub";
const calls: StubCall[] = [];
let stub: Server;
let stubPort = 0;
const stubUrl = () => `http://127.0.0.1:${stubPort}`;
let ctx: TestContext;
let intentSeq = 0;
/** What GET /v1/payment_intents/:id answers (reconciliation); "requires_payment_method" when unset. */
const intentStates = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  stub = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const form = new URLSearchParams(body);
      calls.push({ method: req.method ?? "", path: req.url ?? "", form, headers: req.headers });
      res.setHeader("content-type", "application/json");
      if (req.method === "POST" && req.url === "/v1/payment_intents") {
        const id = `pi_stub_${++intentSeq}`;
        res.end(
          JSON.stringify({
            id,
            object: "payment_intent",
            amount: Number(form.get("amount")),
            currency: form.get("currency"),
            status: "requires_payment_method",
            client_secret: `${id}_secret_abc`,
            metadata: { paymentId: form.get("metadata[paymentId]") },
          }),
        );
        return;
      }
      const retrieved = req.method === "GET" ? /^\/v1\/payment_intents\/(pi_stub_\d+)/.exec(req.url ?? "")?.[1] : undefined;
      if (retrieved) {
        const state = intentStates.get(retrieved) ?? { status: "requires_payment_method" };
        res.end(JSON.stringify({ id: retrieved, object: "payment_intent", metadata: {}, last_payment_error: null, ...state }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "unknown route" } }));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  const { port } = stub.address() as AddressInfo;
  stubPort = port;
  ctx = await createTestApp({
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_local_stub",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: `http://127.0.0.1:${port}`,
  });
});
afterAll(async () => {
  await ctx.close();
  await new Promise((resolve) => stub.close(resolve));
});

const signer = new Stripe("sk_test_local_stub");

function intentEvent(type: string, intentId: string, paymentId: string, eventId = `evt_${Math.random().toString(36).slice(2)}`) {
  return JSON.stringify({
    id: eventId,
    object: "event",
    type,
    api_version: "2025-01-01",
    created: 1_790_000_000,
    data: {
      object: {
        id: intentId,
        object: "payment_intent",
        status: type === "payment_intent.succeeded" ? "succeeded" : "requires_payment_method",
        metadata: { paymentId },
        last_payment_error: type === "payment_intent.payment_failed" ? { message: "Your card was declined." } : null,
      },
    },
  });
}

const deliver = (payload: string, signature?: string) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/v1/billing/webhooks/stripe",
    headers: {
      "content-type": "application/json",
      "stripe-signature": signature ?? signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
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
    const call = calls.at(-1);
    expect(call?.path).toBe("/v1/payment_intents");
    expect(call?.headers.authorization).toBe("Bearer sk_test_local_stub");
    expect(call?.headers["idempotency-key"]).toBe(`payment-${body.paymentId}`);
    expect(call?.form.get("amount")).toBe("30000");
    expect(call?.form.get("currency")).toBe("eur");
    expect(call?.form.get("metadata[paymentId]")).toBe(body.paymentId);
    const [payment] = await ctx.db.select().from(cardPayments).where(eq(cardPayments.orgId, orgId));
    expect(payment).toMatchObject({ status: "pending", provider: "stripe", providerPaymentId: expect.stringMatching(/^pi_stub_/) });
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
    const forged = signer.webhooks.generateTestHeaderString({ payload: event, secret: "whsec_attacker" });
    for (const res of [await deliver(event, forged), await deliver(event, "")]) {
      expect(res.statusCode).toBe(400);
      expect(json(res).error.code).toBe("webhook_signature_invalid");
    }
    // The payload altered after signing.
    const signed = signer.webhooks.generateTestHeaderString({ payload: event, secret: WEBHOOK_SECRET });
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
    intentStates.set(p?.providerPaymentId as string, { status: "succeeded" });
    intentStates.set(c?.providerPaymentId as string, { status: "canceled" });
    const provider = paymentProviderOf(
      loadConfig({
        NODE_ENV: "test",
        PAYMENT_PROVIDER: "stripe",
        STRIPE_SECRET_KEY: "sk_test_local_stub",
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stubUrl(),
      }),
    );
    const soon = new Date(Date.now() + 5 * 60_000);
    expect((await reconcilePendingPayments(ctx.db, provider, soon, { olderThanMinutes: 30 })).checked).toBe(0);
    const result = await reconcilePendingPayments(ctx.db, provider, new Date(Date.now() + 31 * 60_000), { olderThanMinutes: 30 });
    expect(result).toMatchObject({ succeeded: 1, failed: 1, unreachable: 0 });
    expect(calls.some((call) => call.method === "GET" && call.path.startsWith(`/v1/payment_intents/${p?.providerPaymentId}`))).toBe(true);
    expect(await walletBalance(ctx.db, paid.orgId)).toBe(10_000);
    expect((await intentOf(canceled.orgId))?.status).toBe("failed");
    expect((await intentOf(canceled.orgId))?.failureReason).toBe("Paiement annulé");
    expect((await intentOf(waiting.orgId))?.status).toBe("pending");
    expect(w?.providerPaymentId).toMatch(/^pi_stub_/);
  });
});
