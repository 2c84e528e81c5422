import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type E2eApp, startApp } from "./app";
import { launchBrowser, newContext } from "./browser";

export interface E2e {
  app: E2eApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * One server, one browser and one page for the tests of a file, which run in order and build on each
 * other like a user's session. A JavaScript error in the page, or anything the Content Security Policy
 * refused, fails the test during which it happened.
 */
export function setupE2e(env: Record<string, string> = {}): E2e {
  const e2e = {} as E2e;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    e2e.app = await startApp(env);
    e2e.browser = await launchBrowser();
    e2e.context = await newContext(e2e.browser, e2e.app.url);
    e2e.page = await e2e.context.newPage();
    e2e.page.on("pageerror", (err) => pageErrors.push(err.message));
    e2e.page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
  });

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors, "erreurs JavaScript ou refus de la politique de sécurité (CSP) dans la page").toEqual([]);
  });

  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.app?.stop();
  });

  return e2e;
}
