import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A local stand-in for Stripe's API (there is no internet here): the Stripe SDK of our server is pointed
 * at it with STRIPE_API_URL, so what the server sends to Stripe is checked at the network edge. It also
 * answers the browser's confirmation of a PaymentIntent (what Stripe.js sends, with the publishable key)
 * and then, like Stripe, calls the app's webhook with a signed `payment_intent.*` event.
 */
export interface StubCall {
  method: string;
  path: string;
  form: URLSearchParams;
  headers: IncomingMessage["headers"];
}

/** The test cards of Stripe's documentation the confirmation understands. */
const DECLINED_CARD = "4000000000000002";
const SUCCEEDING_CARD = "4242424242424242";

const signer = new Stripe("sk_test_local_stub");

/** A Stripe event about a PaymentIntent, as the webhook receives it. */
export function intentEvent(type: string, intentId: string, paymentId: string, eventId = `evt_${Math.random().toString(36).slice(2)}`) {
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

/** The `Stripe-Signature` header Stripe would send for this payload. */
export const signWebhook = (payload: string, secret: string) => signer.webhooks.generateTestHeaderString({ payload, secret });

export async function startStripeStub(opts: { webhookSecret: string }) {
  const calls: StubCall[] = [];
  /** What GET /v1/payment_intents/:id answers (reconciliation); "requires_payment_method" when unset. */
  const intentStates = new Map<string, Record<string, unknown>>();
  const intents = new Map<string, { clientSecret: string; paymentId: string; amount: number }>();
  let intentSeq = 0;
  /** Where confirmations send their webhook (the app's URL is known once it has started). */
  let webhookUrl: string | null = null;

  const deliver = async (type: string, intentId: string, paymentId: string) => {
    if (!webhookUrl) return;
    const payload = intentEvent(type, intentId, paymentId);
    await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signWebhook(payload, opts.webhookSecret) },
      body: payload,
    });
  };

  const server = createServer((req, res) => {
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
        const clientSecret = `${id}_secret_abc`;
        const paymentId = form.get("metadata[paymentId]") ?? "";
        intents.set(id, { clientSecret, paymentId, amount: Number(form.get("amount")) });
        res.end(
          JSON.stringify({
            id,
            object: "payment_intent",
            amount: Number(form.get("amount")),
            currency: form.get("currency"),
            status: "requires_payment_method",
            client_secret: clientSecret,
            metadata: { paymentId },
          }),
        );
        return;
      }
      const confirmed = req.method === "POST" ? /^\/v1\/payment_intents\/(pi_stub_\d+)\/confirm$/.exec(req.url ?? "")?.[1] : undefined;
      if (confirmed) {
        const intent = intents.get(confirmed);
        // Stripe.js authenticates with the publishable key and the intent's client secret, never the secret key.
        if (!intent || form.get("client_secret") !== intent.clientSecret || !form.get("key")?.startsWith("pk_test_")) {
          res.statusCode = 401;
          res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "No such payment_intent" } }));
          return;
        }
        const card = form.get("payment_method_data[card][number]")?.replace(/\D/g, "");
        if (card !== SUCCEEDING_CARD && card !== DECLINED_CARD) {
          res.statusCode = 402;
          res.end(JSON.stringify({ error: { type: "card_error", code: "incorrect_number", message: "Your card number is incorrect." } }));
          return;
        }
        const declined = card === DECLINED_CARD;
        if (declined) {
          res.statusCode = 402;
          res.end(
            JSON.stringify({
              error: { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
            }),
          );
        } else res.end(JSON.stringify({ id: confirmed, object: "payment_intent", amount: intent.amount, status: "succeeded" }));
        // After the answer, as Stripe does: the webhook comes on its own, a moment later.
        void deliver(declined ? "payment_intent.payment_failed" : "payment_intent.succeeded", confirmed, intent.paymentId);
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    intentStates,
    /** The app's webhook endpoint, for the events that follow a confirmation. */
    sendWebhooksTo(url: string) {
      webhookUrl = url;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
