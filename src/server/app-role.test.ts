import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_EVIDENCE_KEYS } from "../../tests/support/evidence-keys";
import { openTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { systemClock } from "../platform/clock";
import { loadConfig } from "../platform/config";
import { appRoleProblems, currentRole, grantAppRole } from "../platform/db/app-role";
import { openDatabase } from "../platform/db/client";
import { start } from "./start";

let database: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), "la-role-"));
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const production = (env: Record<string, string>) =>
  loadConfig({
    NODE_ENV: "production",
    SESSION_SECRET: "s".repeat(40),
    SMTP_URL: "smtp://127.0.0.1:2525",
    TRUST_PROXY: "none",
    AUDIT_KEYS: TEST_EVIDENCE_KEYS,
    AUDIT_CHECKPOINT_DIR: path.join(dir, "checkpoints"),
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_production_tests",
    STRIPE_WEBHOOK_SECRET: "whsec_production_tests",
    STRIPE_PUBLISHABLE_KEY: "pk_test_production_tests",
    SELLER_NAME: "LeadsAssurance SAS",
    SELLER_ADDRESS: "10 rue de la Paix ; 75002 Paris",
    SELLER_SIREN: "732829320",
    SELLER_VAT_NUMBER: "FR44732829320",
    DATA_DIR: path.join(dir, "data"),
    PORT: "0",
    LOG_LEVEL: "silent",
    ...env,
  });

describe("the application's database role", () => {
  it("is unfit when it could disable the evidence triggers: a superuser, or the tables' owner", async () => {
    if (database.kind === "pglite") {
      // The embedded database has one user: there is no second role to run as (decision 007 says what holds).
      expect(await appRoleProblems(database)).toEqual([]);
      return;
    }
    expect(await appRoleProblems({ ...database, db: database.owner })).toEqual([
      expect.stringMatching(/est superutilisateur/),
      expect.stringMatching(/possède \d+ tables \(il pourrait désactiver leurs déclencheurs\)/),
    ]);
    expect(await appRoleProblems(database)).toEqual([]);
    await expect(start(production({ DATABASE_URL: database.urls?.owner as string }), systemClock)).rejects.toThrow(/superutilisateur/);
  });

  it("is granted by several instances starting at once without a catalog conflict", async () => {
    if (!database.urls) {
      expect(database.kind).toBe("pglite");
      return;
    }
    // Concurrent GRANTs on the same tables fail with "tuple concurrently updated" (about one in ten, tried
    // with psql in parallel): grantAppRole serialises them.
    const owner = await openDatabase({ url: database.urls.owner, poolSize: 6 });
    try {
      const role = await currentRole(database.db);
      for (let round = 0; round < 5; round++)
        await expect(Promise.all(Array.from({ length: 6 }, () => grantAppRole(owner.db, role)))).resolves.toHaveLength(6);
    } finally {
      await owner.close();
    }
  });

  it("in production, runs as a role that owns no table and migrates through DATABASE_OWNER_URL", async () => {
    if (!database.urls) {
      // PGlite: migrations and the application share the one user.
      expect(database.kind).toBe("pglite");
      return;
    }
    const running = await start(production({ DATABASE_URL: database.urls.app, DATABASE_OWNER_URL: database.urls.owner }), systemClock);
    try {
      expect(await appRoleProblems(running.database)).toEqual([]);
    } finally {
      await running.stop();
    }
  });
});
