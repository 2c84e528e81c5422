import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "..");

// Where reading the system clock is the point: the one clock handed out, ids that carry their creation
// time, and the audit sealer's own timers and event time (docs/decisions: clock injection).
const ALLOWED = new Set(["platform/clock.ts", "platform/db/uuid-v7.ts", "modules/audit/seal-chain.ts", "modules/audit/append-event.ts"]);
const READS_CLOCK = /new Date\(\)|Date\.now\(\)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "web" && dir === SRC ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("time is an input", () => {
  it("no server or shared code reads the system clock: it is handed a clock or the instant it needs", () => {
    const offenders = sources(SRC).flatMap((file) => {
      const rel = path.relative(SRC, file).split(path.sep).join("/");
      if (ALLOWED.has(rel)) return [];
      return readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (READS_CLOCK.test(line) && !line.trim().startsWith("//") ? [`${rel}:${i + 1}: ${line.trim()}`] : []));
    });
    expect(offenders).toEqual([]);
  });

  it("the check sees a clock read (it can fail)", () => {
    expect(READS_CLOCK.test("const now = new Date();")).toBe(true);
    expect(READS_CLOCK.test("if (Date.now() > until)")).toBe(true);
    expect(READS_CLOCK.test("new Date(now.getTime() + ttl)")).toBe(false);
  });
});
