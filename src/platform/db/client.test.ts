import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

const dir = mkdtempSync(path.join(os.tmpdir(), "la-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded database folder", () => {
  it("creates missing parent folders and refuses a second opener until the first closes", async () => {
    const dataDir = path.join(dir, "nested", "data");
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(/déjà ouverte/);
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.close();
  }, 90_000); // two embedded databases made on disk from nothing (initdb): slow on a loaded machine
});
