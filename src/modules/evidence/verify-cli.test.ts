import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { start } from "../../../tests/support/test-app";
import { systemClock } from "../../platform/clock";
import { loadConfig } from "../../platform/config";
import { openDatabase } from "../../platform/db/client";

const dir = mkdtempSync(path.join(os.tmpdir(), "la-verify-cli-"));
const dataDir = path.join(dir, "data");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The embedded database of the data folder, whatever database the suite itself runs on.
const { DATABASE_URL: _suiteDatabase, ...env } = process.env;

/** `npm run audit:verify` as an operator runs it: its own process, the development configuration. */
const runCli = () =>
  new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/modules/evidence/verify-cli.ts"],
      { env: { ...env, NODE_ENV: "development", DATA_DIR: dataDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, out: `${stdout}${stderr}` }),
    );
  });

describe("npm run audit:verify", () => {
  it("exits 0 on the evidence the application wrote, 1 naming the lead changed in the database", async () => {
    const running = await start(loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" }), systemClock);
    await running.stop();
    const clean = await runCli();
    expect(clean.out).toMatch(
      /^Preuves intègres : événements scellés : [\d\s]+\(.* ; leads vérifiés : (\d[\d\s]*) sur \1 ; textes de consentement vérifiés : 2 ;/,
    );
    expect(clean.code).toBe(0);

    const database = await openDatabase({ dataDir });
    let victim = "";
    try {
      const res = (await database.db.execute(sql`select id from leads where status = 'rejected' limit 1`)) as unknown as {
        rows: { id: string }[];
      };
      victim = res.rows[0]?.id ?? "";
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table leads disable trigger user`);
        await tx.execute(sql`update leads set status = 'accepted', reasons = '[]' where id = ${victim}`);
        await tx.execute(sql`alter table leads enable trigger user`);
      });
    } finally {
      await database.close();
    }
    const tampered = await runCli();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/^PREUVES ALTÉRÉES : 1 problème\./);
    expect(tampered.out).toContain(`  - lead ${victim} : ses données ou sa preuve de consentement ne sont plus celles enregistrées`);
  }, 180_000);
});
