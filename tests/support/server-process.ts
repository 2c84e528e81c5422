import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { pgUrl, withDatabase } from "./test-db";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, as an orchestrator stops an instance; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (kill -9): the process gets no chance to clean up. */
  kill(): Promise<void>;
}

/**
 * The real server (src/server/main.ts under tsx) in a process of its own, as an instance in
 * production runs: development mode (the demo seed gives a supplier and its API key), its own data
 * folder, listening on a free port. Resolves once it prints its address.
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "la-instance-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      DATA_DIR: path.join(dataDir, "data"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${out}`)), 120_000);
    const look = () => {
      const m = /LeadsAssurance démarré : (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", look);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before starting:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** A new, empty PostgreSQL database (not migrated), dropped by `drop`. */
export async function emptyPostgresDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = pgUrl();
  if (!admin) throw new Error("DATABASE_URL is not set");
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(statement).finally(() => c.end());
  };
  await run(`create database ${name}`);
  return { url: withDatabase(admin, name), drop: () => run(`drop database if exists ${name} with (force)`) };
}
