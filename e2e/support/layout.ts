import type { Browser, Page } from "playwright-core";
import { CONTEXT_OPTIONS, screenshot } from "./browser";

/** The two sizes every screen is checked at: a 1366 px laptop, and a phone. */
export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** A fresh context at a given size, logged in as a demo account. */
export async function pageAs(
  browser: Browser,
  baseURL: string,
  email: string,
  password: string,
  size: { width: number; height: number } = DESKTOP,
): Promise<Page> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL, viewport: size });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
  return page;
}

/** Full-page screenshots at both sizes (name-1366.png, name-390.png); the page is left at the desktop size. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}`);
  }
  await page.setViewportSize(DESKTOP);
}

/** How far the page reaches beyond the window sideways (0: it never scrolls sideways). */
export function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** For each table, how many pixels of it lie beyond its box (0: every column in sight without scrolling). */
export function tableOverflows(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main table")].map((table) => {
      const box = table.closest(".table-wrap") ?? table.parentElement;
      return Math.max(0, table.scrollWidth - (box?.clientWidth ?? table.scrollWidth));
    }),
  );
}
