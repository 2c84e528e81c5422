import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { systemClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import { type Running, start } from "../../src/server/start";

export interface E2eApp {
  url: string;
  running: Running;
  stop(): Promise<void>;
}

/**
 * The real server, in this process, on a fresh database seeded with the demo accounts
 * (NODE_ENV=development) and serving the built web app from dist/web.
 */
export async function startApp(env: Record<string, string> = {}): Promise<E2eApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "la-e2e-"));
  const config = loadConfig({ NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env });
  const running = await start(config, systemClock);
  return {
    url: running.url,
    running,
    async stop() {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const DEMO = {
  supplier: "contact@leadfactory-provence.demo",
  admin: "admin@leadsassurance.demo",
  broker: "direction@cabinet-durand.demo",
  password: "demo-leads-2026",
};
