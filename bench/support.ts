import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface ServerHandle {
  url: string;
  pid: number;
  apiKey: string;
  /** Peak resident memory of the server process so far (VmHWM), in MB. */
  peakRssMb(): number;
  /**
   * CPU time the server process has used so far (user + system, all its threads), in seconds. On a
   * shared machine wall-clock throughput swings with the neighbours' load; CPU per lead barely does,
   * so an A/B comparison made in a noisy spell reads this one.
   */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * A fresh database for one benchmark phase: a new PostgreSQL database or a new PGlite folder. The name
 * gets a suffix of this run, so that two benchmarks on one server (two checkouts) never drop each other's.
 */
export async function freshDatabase(
  kind: "postgres" | "pglite",
  base: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const name = `${base}_${randomBytes(4).toString("hex")}`;
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), `la-bench-${name}-`));
    return { env: { DATA_DIR: path.join(dir, "data") }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  // The evidence key and checkpoints go beside DATA_DIR: a folder of the bench's own, not the repository's.
  const dir = mkdtempSync(path.join(os.tmpdir(), `la-bench-${name}-`));
  return {
    env: { DATABASE_URL: u.toString(), DATA_DIR: path.join(dir, "data") },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The flags `npm start` gives Node (package.json's start script is their one source). */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  const flags = scripts.start.match(/\bnode ((?:--\S+ )*)dist\/server\/main\.js/)?.[1];
  if (flags === undefined) throw new Error(`package.json's start script no longer runs dist/server/main.js: ${scripts.start}`);
  return flags.split(" ").filter(Boolean);
}

/**
 * Starts the real server as npm start runs it (the compiled dist/server/main.js, built by the bench
 * script, with the same Node flags) in its own process, so the load generator does not share its event loop.
 */
export async function startServer(env: Record<string, string>): Promise<ServerHandle> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), ...startFlags(), "dist/server/main.js"],
    {
      env: { ...process.env, NODE_ENV: "development", PORT: "0", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  const ready = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/démarré : (http:\/\/\S+)/)?.[1];
      const apiKey = out.match(/Clé API de l'apporteur de démonstration : (\S+)/)?.[1];
      if (url && apiKey) {
        clearTimeout(timer);
        resolve({ url, apiKey });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  const pid = child.pid as number;
  return {
    ...ready,
    pid,
    peakRssMb() {
      const kb = Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    cpuSeconds: () => statCpuSeconds(readFileSync(`/proc/${pid}/stat`, "utf8")),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Fields 14 and 15 of a /proc/<pid>/stat line (after the parenthesised command name): CPU in seconds. */
function statCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU used so far by every PostgreSQL process of the machine (backends, WAL writer, checkpointer), in
 * seconds: read before and after a phase, it says what the phase cost the database. Only meaningful on a
 * machine where nothing else uses PostgreSQL meanwhile, and a backend that exits takes its share with it
 * (the server's pool keeps its connections for the whole phase).
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.includes("(postgres) ")) total += statCpuSeconds(stat);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/**
 * CPU of the server and of PostgreSQL from now on: `msPer(n)` gives each one's milliseconds per unit of
 * work (a purchase, a thousand leads). On a shared 2-core machine throughput swings with the neighbours
 * (20–30 % on 1 December); CPU per unit swings less (API intake: 306–414 ms of server CPU per 1,000 leads),
 * so it tells more of an A/B comparison, though not from one run each.
 */
export function cpuMeter(server: ServerHandle) {
  const serverBefore = server.cpuSeconds();
  const postgresBefore = postgresCpuSeconds();
  const clientBefore = process.cpuUsage();
  return {
    msPer: (units: number) => {
      const client = process.cpuUsage(clientBefore);
      return {
        serverCpuMs: ((server.cpuSeconds() - serverBefore) * 1000) / units,
        postgresCpuMs: ((postgresCpuSeconds() - postgresBefore) * 1000) / units,
        // The load client shares the two cores: what it takes is not the server's to use.
        clientCpuMs: (client.user + client.system) / 1000 / units,
      };
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Real communes (the intake checks the postal code against the city). */
export const BENCH_COMMUNES = [
  ["13001", "Marseille"],
  ["69003", "Lyon"],
  ["33000", "Bordeaux"],
  ["31000", "Toulouse"],
  ["44000", "Nantes"],
  ["75011", "Paris"],
] as const;
