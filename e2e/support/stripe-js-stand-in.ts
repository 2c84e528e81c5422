import type { BrowserContext } from "playwright-core";

/**
 * There is no internet where these tests run: the real Stripe.js (https://js.stripe.com) cannot load,
 * and neither can api.stripe.com answer it. The browser context is therefore routed (playwright's
 * route): the Stripe.js URL serves the small stand-in below, and what it sends to api.stripe.com goes
 * to the local Stripe API stub (tests/support/stripe-stub.ts), which then calls the app's webhook
 * signed like Stripe. The page keeps its real Content Security Policy, so the script's and the API's
 * origins are checked as in production.
 *
 * The stand-in implements only what the card form calls (Stripe(), elements(), create("payment"),
 * mount/on("ready")/destroy, confirmPayment) and sends the confirmation as Stripe.js does (form-encoded,
 * the publishable key and the client secret, no secret key). It shows a plain "Numéro de carte" input
 * where Stripe shows its own frames: what Stripe's real Payment Element looks like is not tested here.
 */
const STAND_IN = `(() => {
  function Stripe(key) {
    let input = null;
    return {
      _registerWrapper() {},
      elements(options) {
        return {
          clientSecret: options.clientSecret,
          create(type) {
            const handlers = {};
            let host = null;
            return {
              on(event, fn) {
                (handlers[event] = handlers[event] || []).push(fn);
                return this;
              },
              mount(target) {
                host = document.createElement("label");
                host.className = "field";
                host.append("Numéro de carte");
                input = document.createElement("input");
                input.className = "input";
                input.inputMode = "numeric";
                host.append(input);
                (typeof target === "string" ? document.querySelector(target) : target).append(host);
                setTimeout(() => (handlers.ready || []).forEach((fn) => fn({ elementType: type })), 0);
              },
              destroy() {
                host?.remove();
              },
            };
          },
        };
      },
      async confirmPayment({ elements }) {
        const number = input ? input.value.trim() : "";
        if (!number) return { error: { type: "validation_error", code: "incomplete_number", message: "Le numéro de carte est incomplet." } };
        const secret = elements.clientSecret;
        const body = new URLSearchParams({
          key,
          client_secret: secret,
          "payment_method_data[type]": "card",
          "payment_method_data[card][number]": number,
        });
        const res = await fetch("https://api.stripe.com/v1/payment_intents/" + secret.split("_secret_")[0] + "/confirm", { method: "POST", body });
        const json = await res.json();
        return res.ok ? { paymentIntent: json } : { error: json.error };
      },
    };
  }
  // The release train @stripe/stripe-js expects (it warns on another one with a test key).
  Stripe.version = "endive";
  window.Stripe = Stripe;
})();`;

/** Serves the stand-in for Stripe.js and forwards the calls to api.stripe.com to the local stub. */
export async function routeStripe(context: BrowserContext, stubUrl: string) {
  await context.route("https://js.stripe.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: STAND_IN }));
  await context.route("https://api.stripe.com/**", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const res = await fetch(`${stubUrl}${url.pathname}${url.search}`, {
      method: request.method(),
      headers: { "content-type": request.headers()["content-type"] ?? "application/x-www-form-urlencoded" },
      body: request.postData() ?? undefined,
    });
    // api.stripe.com answers cross-origin calls from any page (CORS).
    await route.fulfill({
      status: res.status,
      contentType: "application/json",
      headers: { "access-control-allow-origin": "*" },
      body: await res.text(),
    });
  });
}
