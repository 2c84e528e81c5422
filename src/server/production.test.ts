import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createOrgWithUser, createTestApp } from "../../tests/support/test-app";
import { createUser } from "../db/factories";
import { systemClock } from "../shared/clock";
import { loadConfig } from "./config";
import { start } from "./start";

const SECRET = "s".repeat(40);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("production mode", () => {
  it("requires a session secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:2525" })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:2525", SESSION_SECRET: "short" })).toThrow();
    expect(
      loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:2525", SESSION_SECRET: SECRET, TRUST_PROXY: "none" }).isProduction,
    ).toBe(true);
  });

  it("refuses to start on a database that holds the demo accounts", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "la-prod-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "data");
    const dev = await start(loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent" }), systemClock);
    expect(dev.demo?.accounts.length).toBeGreaterThan(0);
    await dev.stop();
    const prod = loadConfig({
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      PORT: "0",
      LOG_LEVEL: "silent",
      SESSION_SECRET: SECRET,
      SMTP_URL: "smtp://127.0.0.1:2525",
      TRUST_PROXY: "none",
    });
    await expect(start(prod, systemClock)).rejects.toThrow(/démonstration/);
  }, 120_000);

  it("refuses a demo account's login", async () => {
    const ctx = await createTestApp({
      NODE_ENV: "production",
      SESSION_SECRET: SECRET,
      SMTP_URL: "smtp://127.0.0.1:2525",
      TRUST_PROXY: "none",
    });
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
