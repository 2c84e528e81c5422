import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { expectText } from "./support/expect-text";
import { PHONE, screenshotBoth } from "./support/layout";
import { setupE2e } from "./support/setup";

describe("Espace apporteur : clés API", () => {
  const e2e = setupE2e();
  let secret = "";

  it("crée une clé : le secret s'affiche une seule fois, et fonctionne", async () => {
    const { page, app } = e2e;
    await login(page, DEMO.supplier, DEMO.password);
    await page.getByRole("link", { name: "Clés API" }).click();
    await expectText(page.locator("table"), "Clé de démonstration");
    await expectText(page.locator("main"), "curl -X POST");
    // The demo traffic came through the demo key: its last use is a date, not "Jamais".
    const demoRow = page.locator("tbody tr", { hasText: "Clé de démonstration" });
    await expectText(demoRow.locator("td").nth(3), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // The sample command folds its long lines inside its box, at 1366 px and on a phone.
    const overflow = () => page.locator("pre.code-block").evaluate((pre) => pre.scrollWidth - pre.clientWidth);
    expect(await overflow()).toBe(0);
    await page.setViewportSize(PHONE);
    expect(await overflow()).toBe(0);
    await screenshotBoth(page, "13-cles-api");
    expect(await page.getByRole("link", { name: "Documentation de l'API" }).getAttribute("href")).toBe("/docs");

    await page.getByLabel("Nom de la clé").fill("Site comparateur — recette");
    await page.getByRole("button", { name: "Créer la clé" }).click();
    await expectText(page.locator(".secret-panel"), "elle ne sera plus jamais affichée");
    secret = ((await page.getByTestId("api-key-secret").textContent()) ?? "").trim();
    expect(secret.length).toBeGreaterThan(20);
    await expectText(page.locator("table"), "Site comparateur — recette");
    await screenshot(page, "14-cle-api-creee");

    // The example shown on the page, sent as is with the new key, is a lead the server accepts.
    const command = (await page.locator("pre.code-block").textContent()) ?? "";
    const body = command.slice(command.indexOf("-d '") + 4, command.lastIndexOf("'")).replaceAll("'\\''", "'");
    const sent = await fetch(`${app.url}/api/v1/leads`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body,
    });
    expect(await sent.json()).toMatchObject({ status: "accepted" });
    expect(sent.status).toBe(201);

    await page.getByRole("button", { name: "J'ai copié la clé" }).click();
    expect(await page.getByTestId("api-key-secret").count()).toBe(0);
    await page.reload();
    await expectText(page.locator("table"), "Site comparateur — recette");
    expect(await page.locator("main").textContent()).not.toContain(secret);
  });

  it("révoque une clé après confirmation : elle est aussitôt refusée", async () => {
    const { page, app } = e2e;
    const row = page.locator("tbody tr", { hasText: "Site comparateur — recette" });
    await row.getByRole("button", { name: "Révoquer" }).click();
    const dialog = page.getByRole("dialog", { name: "Révoquer cette clé ?" });
    await expectText(dialog, "Cette action est irréversible");
    await screenshot(page, "15-cle-api-confirmation");

    await dialog.getByRole("button", { name: "Annuler" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expectText(row, "Active");

    await row.getByRole("button", { name: "Révoquer" }).click();
    await dialog.getByRole("button", { name: "Révoquer définitivement" }).click();
    await expectText(page.locator(".toasts"), "Clé « Site comparateur — recette » révoquée.");
    await expectText(row, "Révoquée le");
    expect(await row.getByRole("button", { name: "Révoquer" }).count()).toBe(0);
    await screenshot(page, "16-cle-api-revoquee");

    const refused = await fetch(`${app.url}/api/v1/leads?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);
  });
});
