import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { emptyPostgresDatabase, type ServerProcess, spawnServer } from "../../tests/support/server-process";
import { MIGRATIONS_DIR } from "../platform/db/migrate";
import { DEMO_PASSWORD } from "../seed/demo";

const started: ServerProcess[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.kill()));
  for (const drop of drops) await drop();
});

describe("several instances on one PostgreSQL database", () => {
  it.runIf(process.env.DATABASE_URL)(
    "two instances started at once on a fresh database both come up: one migrates and seeds, the other waits for it",
    async () => {
      const fresh = await emptyPostgresDatabase("la_two");
      drops.push(fresh.drop);
      const both = await Promise.allSettled([spawnServer({ DATABASE_URL: fresh.url }), spawnServer({ DATABASE_URL: fresh.url })]);
      for (const s of both) if (s.status === "fulfilled") started.push(s.value);
      expect(both.map((s) => (s.status === "rejected" ? String(s.reason) : "up"))).toEqual(["up", "up"]);

      for (const s of started) {
        const login = await fetch(`${s.url}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "admin@leadsassurance.demo", password: DEMO_PASSWORD }),
        });
        expect(login.status).toBe(200);
      }
      const c = new pg.Client({ connectionString: fresh.url });
      await c.connect();
      try {
        const applied = await c.query("select count(*)::int as n from drizzle.__drizzle_migrations");
        const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql"));
        expect(applied.rows[0].n).toBe(files.length);
        const admins = await c.query("select count(*)::int as n from users where email = 'admin@leadsassurance.demo'");
        expect(admins.rows[0].n).toBe(1);
      } finally {
        await c.end();
      }
      expect(await Promise.all(started.map((s) => s.stop()))).toEqual([0, 0]);
    },
    240_000,
  );
});
