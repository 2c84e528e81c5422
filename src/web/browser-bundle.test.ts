import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the web app's import graph", () => {
  it("holds no server-only code: it bundles for a browser, where node:fs or node:net do not exist", async () => {
    // Vite would only warn and ship a stub; esbuild for the browser refuses outright, naming the import.
    const result = await build({
      entryPoints: ["src/web/main.tsx"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
      loader: { ".css": "empty" },
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The shared rules the lead form runs are really there (and so is the phone metadata they need).
    expect(inputs).toContain("src/modules/intake/rules/check-contact.ts");
    expect(inputs).toContain("src/modules/reference-data/rules/communes.ts");
    expect(inputs).not.toContain("src/modules/reference-data/postal-codes.ts");
  });
});
