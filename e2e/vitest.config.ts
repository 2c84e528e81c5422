import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    // One browser and one server per file; files run one after the other to keep timings stable.
    fileParallelism: false,
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A failed step leaves the next ones of the same file without their state: stop the file there.
    sequence: { concurrent: false },
  },
});
