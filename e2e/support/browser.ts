import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's chromium (apt-get install chromium): no browser is ever downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(".e2e-artifacts");

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Date and time inputs follow the browser's own locale, not the page's: French, as for real users.
    env: { ...process.env, LANG: "fr_FR.UTF-8", LANGUAGE: "fr_FR:fr" },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--lang=fr-FR",
    ],
  });
}

/**
 * A French user in Paris who asked for less motion: the charts (recharts honours prefers-reduced-motion) are
 * drawn at once, where they animate for a second and a half after each mount, refresh and resize. A full
 * run on a busy machine once screenshot the broker's home at 390 px with not one bar drawn yet (6/12/2026).
 */
export const CONTEXT_OPTIONS = { locale: "fr-FR", timezoneId: "Europe/Paris", reducedMotion: "reduce" } as const;

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL, viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Full-page screenshot in .e2e-artifacts/, to be looked at after a run. Fails when a bar chart shows none of
 * its bars: a picture of an empty chart would be looked at and believed.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  // Lets toasts settle; from the top, so sticky bars sit in place.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(600);
  const blank = await blankBarCharts(page);
  if (blank > 0) throw new Error(`${name} : ${blank} graphique(s) à barres sans aucune barre dessinée`);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Bar charts with bars to draw (recharts keeps a group per bar) and not one drawn with a visible size. */
function blankBarCharts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll(".recharts-wrapper")].filter((chart) => {
        const bars = [...chart.querySelectorAll(".recharts-bar-rectangle")];
        return (
          bars.length > 0 &&
          !bars.some((bar) => {
            const box = bar.getBoundingClientRect();
            return box.width >= 1 && box.height >= 1;
          })
        );
      }).length,
  );
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}
