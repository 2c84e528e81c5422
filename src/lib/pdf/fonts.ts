import { readFile } from "node:fs/promises";
import type { TextStyle } from "./layout-text";

// Beside this file in the source tree; the bundled server (dist/server/main.js) reads them from the source tree too.
const FONTS_DIR = new URL(import.meta.url.endsWith(".ts") ? "./fonts/" : "../../src/lib/pdf/fonts/", import.meta.url);

const FILES: Record<TextStyle, string> = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };

let loaded: Promise<Record<TextStyle, Uint8Array>> | undefined;

/**
 * DejaVu Sans (see fonts/LICENSE-DejaVu.txt): the 14 standard PDF fonts only know WinAnsi, so they cannot
 * print the U+202F that Intl puts in "1 234,50 €" nor "→" or "☐". Read once, kept for every document.
 */
export function loadFonts(): Promise<Record<TextStyle, Uint8Array>> {
  loaded ??= Promise.all([readFile(new URL(FILES.regular, FONTS_DIR)), readFile(new URL(FILES.bold, FONTS_DIR))]).then(
    ([regular, bold]) => ({ regular, bold }),
  );
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
