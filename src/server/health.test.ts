import { describe, expect, it } from "vitest";
import { createTestApp } from "../../tests/support/test-app";

describe("GET /api/v1/health", () => {
  it("answers 200 while the database answers, 503 once it does not", async () => {
    const ctx = await createTestApp();
    try {
      const up = await ctx.app.inject({ method: "GET", url: "/api/v1/health" });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toEqual({ status: "ok" });
      await ctx.database.close();
      const down = await ctx.app.inject({ method: "GET", url: "/api/v1/health" });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: "indisponible" });
    } finally {
      await ctx.app.close();
    }
  });
});
