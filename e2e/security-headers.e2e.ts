import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { login, screenshot } from "./support/browser";
import { setupE2e } from "./support/setup";

// Every page of every space, and the API documentation, under the Content Security Policy: setupE2e
// fails the test on any violation the browser reports, and the policy itself is checked here.
describe("En-têtes de sécurité et politique de contenu (CSP)", () => {
  const e2e = setupE2e();

  const visit = async (path: string) => {
    const res = await e2e.page.goto(path);
    await e2e.page.waitForLoadState("networkidle");
    return res;
  };

  it("la page de connexion est servie avec la CSP, nosniff et l'interdiction d'être encadrée", async () => {
    const res = await visit("/connexion");
    const headers = res?.headers() ?? {};
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    // HSTS only in production, behind TLS: a developer on http://localhost must not be pinned to https.
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("l'espace apporteur s'affiche sans aucun refus de la CSP", async () => {
    await login(e2e.page, DEMO.supplier, DEMO.password);
    for (const path of ["/apporteur", "/apporteur/leads", "/apporteur/nouveau", "/apporteur/import", "/apporteur/cles-api"])
      await visit(path);
    await e2e.page
      .getByRole("link", { name: /Voir/ })
      .first()
      .click()
      .catch(() => undefined);
    await visit("/apporteur/leads");
    await e2e.page.locator("table a").first().click();
    await e2e.page.waitForLoadState("networkidle");
    await screenshot(e2e.page, "csp-apporteur-lead");
    await e2e.page.getByRole("button", { name: "Se déconnecter" }).click();
  });

  it("l'espace courtier (graphiques du suivi M+3, écran d'appel) s'affiche sans aucun refus de la CSP", async () => {
    await login(e2e.page, DEMO.broker, DEMO.password);
    for (const path of [
      "/courtier",
      "/courtier/clients",
      "/courtier/import-crm",
      "/courtier/agences",
      "/courtier/suivi-m3",
      "/courtier/mes-actions",
    ])
      await visit(path);
    await screenshot(e2e.page, "csp-courtier-suivi");
    await visit("/courtier/appels-m3");
    await e2e.page.locator("main a[href*='/courtier/appels-m3/']").first().click();
    await e2e.page.waitForLoadState("networkidle");
    await e2e.page.getByRole("button", { name: "Se déconnecter" }).click();
  });

  it("l'administration et la documentation de l'API s'affichent sans aucun refus de la CSP", async () => {
    await login(e2e.page, DEMO.admin, DEMO.password);
    await visit("/admin/consentements");
    await visit("/docs");
    await e2e.page.locator(".swagger-ui .opblock").first().waitFor();
    await screenshot(e2e.page, "csp-docs");
  });
});
