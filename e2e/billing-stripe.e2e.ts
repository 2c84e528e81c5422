import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeStub } from "../tests/support/stripe-stub";
import { DEMO } from "./support/app";
import { login } from "./support/browser";
import { expectText } from "./support/expect-text";
import { screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";
import { routeStripe } from "./support/stripe-js-stand-in";

const WEBHOOK_SECRET = "whsec_e2e_local_stub";
// Started before the app, whose configuration names it (STRIPE_API_URL).
const stub = await startStripeStub({ webhookSecret: WEBHOOK_SECRET });

// The app runs with PAYMENT_PROVIDER=stripe against the local Stripe API stub; the browser loads a
// stand-in for Stripe.js (no internet here: see e2e/support/stripe-js-stand-in.ts) and the stub settles
// each confirmed PaymentIntent through the app's webhook, signed with the webhook secret.
describe("Paiement par carte avec Stripe : le navigateur confirme, le webhook crédite", () => {
  const e2e = setupE2e({
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_e2e_local_stub",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PUBLISHABLE_KEY: "pk_test_e2e_local_stub",
    STRIPE_API_URL: stub.url,
  });
  const sentToApp: string[] = [];
  beforeAll(async () => {
    stub.sendWebhooksTo(`${e2e.app.url}/api/v1/billing/webhooks/stripe`);
    await routeStripe(e2e.context, stub.url);
    e2e.page.on("request", (req) => {
      if (req.url().startsWith(e2e.app.url)) sentToApp.push(`${req.url()} ${req.postData() ?? ""}`);
    });
  });
  afterAll(() => stub.close());

  it("un refus de la carte ne crédite rien ; une carte acceptée crédite le solde après le webhook", async () => {
    const { page } = e2e;
    await login(page, DEMO.broker, DEMO.password);
    await page.getByRole("link", { name: "Crédits & factures" }).click();
    await expectText(page.getByTestId("balance"), /^0,00\s€$/);
    // Real payments: no demonstration card on this deployment.
    expect(await page.locator(".billing-demo").count()).toBe(0);
    expect(await page.getByLabel("Numéro de carte (démonstration)").count()).toBe(0);

    await page.getByLabel("Pack 250 €").check();
    await page.getByRole("button", { name: /^Payer 300,00\s€ TTC$/ }).click();
    await page.getByLabel("Numéro de carte").fill("4000 0000 0000 0002");
    await page.getByRole("button", { name: /^Confirmer le paiement de 300,00\s€ TTC$/ }).click();
    await expectText(page.locator(".billing-topup"), "Carte refusée par votre banque.");
    await expectText(page.getByTestId("balance"), /^0,00\s€$/);

    // A new payment (a new PaymentIntent): the declined one is never confirmed again.
    await page.getByRole("button", { name: /^Payer 300,00\s€ TTC$/ }).click();
    await page.getByLabel("Numéro de carte").fill("4242 4242 4242 4242");
    await screenshotBoth(page, "42-credits-stripe-carte");
    await page.getByRole("button", { name: /^Confirmer le paiement de 300,00\s€ TTC$/ }).click();
    await expectText(page.locator(".toasts"), "Paiement accepté");
    await expectText(page.getByTestId("balance"), /^260,00\s€$/);
    await expectText(page.locator("tbody tr", { hasText: "Recharge Pack 250 €" }), /\+260,00\s€/);
    await expectText(page.locator("tbody tr", { hasText: /FA-\d{4}-\d{6}/ }), /300,00\s€/);

    const confirmations = stub.calls.filter((c) => c.path.endsWith("/confirm"));
    expect(confirmations).toHaveLength(2);
    expect(confirmations.map((c) => c.form.get("key"))).toEqual(["pk_test_e2e_local_stub", "pk_test_e2e_local_stub"]);
    const created = stub.calls.filter((c) => c.method === "POST" && c.path === "/v1/payment_intents");
    expect(created.map((c) => c.form.get("amount"))).toEqual(["30000", "30000"]);
    // The card number went to Stripe only, never to our server.
    expect(sentToApp.filter((line) => /4242|4000 ?0000/.test(line))).toEqual([]);
  });

  it("un lead de la salle de marché se paie par carte avec Stripe, et le contact s'affiche une fois la vente conclue", async () => {
    const { page } = e2e;
    await page.getByRole("link", { name: "Salle de marché" }).first().click();
    await page.waitForURL("**/courtier/salle-de-marche");
    const firstRow = page.locator("main tbody tr").first();
    await firstRow.getByRole("button", { name: "Réserver" }).click();
    const panel = page.locator(".hold-panel");
    await expectText(panel, "Lead réservé pour vous");
    await panel.getByRole("button", { name: /^Payer .* TTC par carte$/ }).click();
    await panel.getByLabel("Numéro de carte").fill("4242 4242 4242 4242");
    await panel.getByRole("button", { name: /^Confirmer le paiement de .* TTC$/ }).click();
    const done = page.locator(".hold-panel--done");
    await expectText(done, "Lead acheté");
    await expectText(done, "par carte");
    expect(await done.locator('a[href^="tel:"]').count()).toBe(1);
  });
});
