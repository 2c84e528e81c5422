import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_EVIDENCE_KEYS } from "../../tests/support/evidence-keys";
import { createOrgWithUser, createTestApp } from "../../tests/support/test-app";
import { createUser } from "../modules/accounts";
import { systemClock } from "../platform/clock";
import { loadConfig } from "../platform/config";
import { start } from "./start";

const SECRET = "s".repeat(40);
const keysDir = mkdtempSync(path.join(os.tmpdir(), "la-prod-keys-"));
// What production needs besides the secret: the evidence key and the checkpoint folder, named by the operator.
const EVIDENCE = { AUDIT_KEYS: TEST_EVIDENCE_KEYS, AUDIT_CHECKPOINT_DIR: path.join(keysDir, "checkpoints") };
const PROD = {
  NODE_ENV: "production",
  SMTP_URL: "smtp://127.0.0.1:2525",
  SESSION_SECRET: SECRET,
  TRUST_PROXY: "none",
  ...EVIDENCE,
  PAYMENT_PROVIDER: "stripe",
  STRIPE_SECRET_KEY: "sk_test_production_tests",
  STRIPE_WEBHOOK_SECRET: "whsec_production_tests",
  STRIPE_PUBLISHABLE_KEY: "pk_test_production_tests",
  SELLER_NAME: "LeadsAssurance SAS",
  SELLER_ADDRESS: "10 rue de la Paix ; 75002 Paris",
  SELLER_SIREN: "732829320",
  SELLER_VAT_NUMBER: "FR44732829320",
} as const;
const dirs: string[] = [keysDir];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("production mode", () => {
  it("requires a session secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:2525" })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:2525", SESSION_SECRET: "short" })).toThrow();
    expect(loadConfig(PROD).isProduction).toBe(true);
  });

  it("requires the evidence key and the checkpoint folder, outside the database", () => {
    const { AUDIT_KEYS: _keys, ...noKey } = PROD;
    const { AUDIT_CHECKPOINT_DIR: _dir, ...noFolder } = PROD;
    expect(() => loadConfig(noKey)).toThrow(/AUDIT_KEYS_FILE \(ou AUDIT_KEYS\) est obligatoire en production/);
    expect(() => loadConfig(noFolder)).toThrow(/AUDIT_CHECKPOINT_DIR est obligatoire en production/);
    expect(loadConfig({ ...noKey, AUDIT_KEYS_FILE: "/etc/leadsassurance/audit-keys" }).AUDIT_KEYS_FILE).toBe(
      "/etc/leadsassurance/audit-keys",
    );
  });

  it("refuses to start on a database that holds the demo accounts", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "la-prod-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "data");
    const dev = await start(loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" }), systemClock);
    expect(dev.demo?.accounts.length).toBeGreaterThan(0);
    await dev.stop();
    // Development made its key and checkpoint folder beside the data folder, and signed the chain's head there.
    expect(readFileSync(path.join(`${dataDir}-evidence`, "audit-keys"), "utf8")).toMatch(/^dev-1:[A-Za-z0-9_-]{43}$/m);
    expect(dev.checkpointDir).toBe(path.join(`${dataDir}-evidence`, "checkpoints"));
    expect(readdirSync(dev.checkpointDir).filter((f) => f.endsWith(".jsonl")).length).toBe(1);
    const prod = loadConfig({ ...PROD, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" });
    await expect(start(prod, systemClock)).rejects.toThrow(/démonstration/);
  }, 120_000);

  it("refuses a demo account's login", async () => {
    const ctx = await createTestApp(PROD);
    try {
      const { org } = await createOrgWithUser(ctx, "supplier");
      await createUser(ctx.db, {
        orgId: org.id,
        role: "supplier",
        email: "demo@x.demo",
        password: "demo-password",
        firstName: "D",
        lastName: "D",
        isDemo: true,
      });
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "demo@x.demo", password: "demo-password" },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("demo_account_disabled");
    } finally {
      await ctx.close();
    }
  });
});
