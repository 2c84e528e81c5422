import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { creditWallet } from "../src/modules/billing";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "../src/modules/delivery";
import { rawRows } from "../src/platform/db/raw-rows";
import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { DEMO } from "./support/app";
import { login } from "./support/browser";
import { expectText } from "./support/expect-text";
import { pageOverflow, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

describe("§4 issue 12 : le cabinet branche son CRM par webhook, le teste, reçoit un lead acheté, voit la cloche et le journal, renvoie une livraison", () => {
  const e2e = setupE2e();
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let secret = "";

  it("l'administrateur du cabinet enregistre l'URL de son webhook et copie le secret affiché une seule fois", async () => {
    receiver = await startWebhookReceiver();
    const { page } = e2e;
    await login(page, DEMO.broker, DEMO.password);
    await page.getByRole("link", { name: "Webhook" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Webhook");
    await page.getByLabel("URL du webhook").fill("ftp://crm.exemple.fr");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expectText(page.locator(".field__error"), "L'URL du webhook doit commencer par https://");
    await page.getByLabel("URL du webhook").fill(receiver.url);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    secret = ((await page.getByTestId("webhook-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "60-webhook-secret");
    await page.getByRole("button", { name: "J'ai copié le secret" }).click();
    await expect.poll(() => page.getByTestId("webhook-secret").count()).toBe(0);
  });

  it("« Envoyer un test » : le serveur du cabinet reçoit une requête dont la signature se vérifie", async () => {
    const { page } = e2e;
    await page.getByRole("button", { name: "Envoyer un test" }).click();
    await expectText(page.locator(".toasts"), /Test reçu : HTTP 200 en \d+ ms/);
    const hit = receiver.received.at(-1);
    expect(hit?.headers["x-leadsassurance-event"]).toBe("test");
    expect(verifyWebhookSignature(secret, hit?.body ?? "", String(hit?.headers[SIGNATURE_HEADER]), Date.now() / 1000)).toBe(true);
    await expectText(page.locator("[data-testid=delivery-row]").first(), "Livré");
  });

  it("un lead acheté en salle de marché arrive par le webhook, dans la cloche et dans le journal", async () => {
    const { page } = e2e;
    const { db } = e2e.app.running.database;
    const [org] = await rawRows<{ org_id: string }>(db, sql`select org_id from users where email = ${DEMO.broker}`);
    await db.transaction((tx) =>
      creditWallet(tx, {
        orgId: org?.org_id as string,
        amountCents: 50_000,
        kind: "adjustment",
        reference: "e2e-delivery",
        now: new Date(),
      }),
    );
    await page.getByRole("link", { name: "Salle de marché" }).first().click();
    const firstRow = page.locator("main tbody tr").first();
    await firstRow.getByRole("button", { name: "Réserver" }).click();
    await page.getByRole("button", { name: /^Payer .* en crédits$/ }).click();
    await expectText(page.locator(".hold-panel--done"), "Lead acheté");
    // The job runner polls every second: the webhook gets the lead within a few.
    await expect
      .poll(() => receiver.received.filter((r) => r.headers["x-leadsassurance-event"] === "lead.received").length, { timeout: 20_000 })
      .toBe(1);
    const lead = receiver.received.find((r) => r.headers["x-leadsassurance-event"] === "lead.received");
    expect(verifyWebhookSignature(secret, lead?.body ?? "", String(lead?.headers[SIGNATURE_HEADER]), Date.now() / 1000)).toBe(true);
    expect(JSON.parse(lead?.body ?? "{}").lead).toMatchObject({ channel: "marketplace", contact: { phone: expect.stringMatching(/\d/) } });

    await page.goto("/courtier/webhook");
    await expectText(page.getByTestId("bell-count"), "1");
    await expectText(page.locator("[data-testid=delivery-row]").first(), "Nouveau lead");
    await page.getByRole("button", { name: /Notifications : 1 non lue/ }).click();
    await expectText(page.locator(".bell__panel"), /Lead acheté : /);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "61-cloche-notifications");
    await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
    await expect.poll(() => page.getByTestId("bell-count").count()).toBe(0);
  });

  it("une livraison refusée par le serveur est journalisée avec son code, puis « Renvoyer » la livre", async () => {
    const { page } = e2e;
    await page.keyboard.press("Escape");
    receiver.answer(500);
    await page.getByRole("button", { name: "Envoyer un test" }).click();
    await expectText(page.locator(".toasts"), /Échec du test : Réponse HTTP 500/);
    const failed = page.locator("[data-testid=delivery-row]").first();
    await expectText(failed, "En cours");
    await expectText(failed, "500");
    await failed.getByRole("button", { name: "Détails" }).click();
    await expectText(page.getByTestId("delivery-details"), /HTTP 500 en \d+ ms/);
    expect(await pageOverflow(page)).toBe(0);
    await screenshotBoth(page, "62-webhook-journal");
    await failed.getByRole("button", { name: /^Renvoyer la livraison/ }).click();
    await expectText(page.locator(".toasts"), "Renvoyé : HTTP 200.");
    const replayed = page.locator("[data-testid=delivery-row]").first();
    await expectText(replayed, "Renvoi");
    await expectText(replayed, "Livré");
    await screenshotBoth(page, "63-webhook-renvoi");
    await receiver.close();
  });
});
