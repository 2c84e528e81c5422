import type { Locator } from "playwright-core";
import { expect } from "vitest";

/** Waits until the element exists and its visible text contains the expected text (or matches it). */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout });
  await expect
    .poll(async () => (await visibleText(locator.first())).replace(/\s+/g, " "), { timeout, interval: 100 })
    .toMatch(typeof expected === "string" ? new RegExp(escapeRegExp(expected)) : expected);
}

// innerText on purpose: only what the user sees counts. SVG text (charts) has none, hence textContent.
function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is asserted
  return locator.evaluate((el) => (el instanceof HTMLElement ? el.innerText : (el.textContent ?? "")));
}

export async function expectCount(locator: Locator, count: number, timeout = 10_000): Promise<void> {
  await expect.poll(() => locator.count(), { timeout, interval: 100 }).toBe(count);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
