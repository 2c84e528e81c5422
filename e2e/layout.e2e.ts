import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO } from "./support/app";
import { screenshot } from "./support/browser";
import { DESKTOP, PHONE, pageAs, pageOverflow, screenshotBoth, tableOverflows } from "./support/layout";
import { setupE2e } from "./support/setup";

const AGENT = "jocelyne@cabinet-durand.demo";

/** The main pages of each space, as its users open them from the menu. */
const SPACES: { who: string; email: string; pages: string[] }[] = [
  {
    who: "apporteur",
    email: DEMO.supplier,
    pages: ["/apporteur", "/apporteur/leads", "/apporteur/nouveau", "/apporteur/import", "/apporteur/cles-api"],
  },
  {
    who: "direction",
    email: DEMO.broker,
    pages: [
      "/courtier",
      "/courtier/clients",
      "/courtier/nouveau-client",
      "/courtier/suivi-m3",
      "/courtier/appels-m3",
      "/courtier/mes-actions",
      "/courtier/messages",
      "/courtier/agences",
    ],
  },
  { who: "chargee", email: AGENT, pages: ["/courtier/appels-m3", "/courtier/suivi-m3", "/courtier/mes-actions"] },
  { who: "operateur", email: DEMO.admin, pages: ["/admin/consentements"] },
];

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.locator("main h1").first().waitFor();
}

const name = (who: string, path: string) => `layout-${who}${path.replaceAll("/", "-")}`;

describe("Largeur des écrans : 1366 px et téléphone (390 px)", () => {
  const e2e = setupE2e();

  it.each(SPACES)("$who : à 1366 px aucun tableau ne cache de colonne, à 390 px aucune page ne déborde", async ({ who, email, pages }) => {
    const page = await pageAs(e2e.browser, e2e.app.url, email, DEMO.password, DESKTOP);
    for (const path of pages) {
      await open(page, path);
      expect(
        (await tableOverflows(page)).filter((px) => px > 0),
        `${path} à 1366 px`,
      ).toEqual([]);
      expect(await pageOverflow(page), `${path} à 1366 px`).toBe(0);
      await page.setViewportSize(PHONE);
      // Charts follow the new width on their next resize observation.
      await expect.poll(() => pageOverflow(page), { message: `${path} à 390 px`, timeout: 3000 }).toBe(0);
      await page.setViewportSize(DESKTOP);
      await screenshotBoth(page, name(who, path));
    }
    await page.context().close();
  });

  it("sur un téléphone, le menu est replié derrière un bouton, et se replie après navigation", async () => {
    const page = await pageAs(e2e.browser, e2e.app.url, DEMO.supplier, DEMO.password, PHONE);
    const menu = page.getByRole("button", { name: "Menu" });
    const link = page.getByRole("navigation", { name: "Espace apporteur" }).getByRole("link", { name: "Mes leads" });
    expect(await link.isVisible()).toBe(false);
    // The folded bar is a slim line above the page, not a block of links.
    expect((await page.locator(".sidebar").boundingBox())?.height).toBeLessThan(80);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await link.waitFor({ state: "visible" });
    await screenshot(page, "layout-menu-ouvert-390");
    await link.click();
    await page.waitForURL((url) => url.pathname === "/apporteur/leads");
    await link.waitFor({ state: "hidden" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await page.context().close();
  });

  it("sur un téléphone, un tableau large défile dans sa carte", async () => {
    const page = await pageAs(e2e.browser, e2e.app.url, DEMO.broker, DEMO.password, PHONE);
    await page.goto("/courtier/appels-m3");
    await page.locator("main table tbody tr").first().waitFor();
    const wrap = await page
      .locator("main .table-wrap")
      .first()
      .evaluate((el) => ({
        scrolls: el.scrollWidth > el.clientWidth,
        overflowX: getComputedStyle(el).overflowX,
      }));
    expect(wrap).toEqual({ scrolls: true, overflowX: "auto" });
    expect(await pageOverflow(page)).toBe(0);
    await page.context().close();
  });

  it("un numéro de téléphone ne se coupe jamais au milieu, même quand sa ligne se replie", async () => {
    const page = await pageAs(e2e.browser, e2e.app.url, DEMO.supplier, DEMO.password, DESKTOP);
    await page.goto("/apporteur/leads");
    await page.locator("main .table__secondary").first().waitFor();
    // The narrowest the contact column gets: the line "06 12 34 56 78 · 13001 Marseille" must fold between
    // the number and the commune, never inside the number.
    // Through the CSSOM: the security headers forbid inline <style> (style-src 'self'), as in production.
    await page.locator("main .table__secondary").evaluateAll((spans) => {
      for (const span of spans as HTMLElement[]) {
        span.style.maxWidth = "5em";
        span.style.setProperty("white-space", "normal", "important");
      }
    });
    const phoneLines = await page.locator("main .table__secondary").evaluateAll((spans) =>
      spans.flatMap((span) => {
        const text = span.firstChild;
        const match = /^0\d(?:\s\d\d){4}/.exec(text?.textContent ?? "");
        if (!text || !match) return [];
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, match[0].length);
        return [new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
      }),
    );
    expect(phoneLines.length).toBeGreaterThan(20);
    expect(phoneLines.filter((lines) => lines !== 1)).toEqual([]);
    await page.context().close();
  });

  it("les chiffres du suivi M+3 tiennent sur une ligne, et les axes des graphiques sont en français", async () => {
    const page = await pageAs(e2e.browser, e2e.app.url, DEMO.broker, DEMO.password, PHONE);
    await page.goto("/courtier/suivi-m3");
    await page.locator(".recharts-cartesian-axis-tick-value").first().waitFor();
    const figures = await page.locator(".kpi__value").evaluateAll((values) =>
      values.map((v) => {
        // The lines a figure takes: the distinct tops of its text's boxes.
        const range = document.createRange();
        range.selectNodeContents(v);
        return { text: v.textContent ?? "", lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      }),
    );
    expect(figures.some((f) => /\d\s%/.test(f.text))).toBe(true);
    expect(figures.filter((f) => f.lines !== 1)).toEqual([]);
    // Every tick of every axis: month names ("sept. 26") have no digit before their dot.
    const ticks = await page.locator(".recharts-cartesian-axis-tick-value").allTextContents();
    expect(ticks.filter((t) => /\d\.\d/.test(t))).toEqual([]);
    expect(ticks.some((t) => /^\d+,\d+$/.test(t))).toBe(true);
    await page.context().close();
  });
});
