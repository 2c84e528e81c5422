import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { emptyPostgresDatabase, type ServerProcess, spawnServer } from "../../../tests/support/server-process";
import { openDatabase } from "../../platform/db/client";
import { DEMO_SUPPLIER_API_KEY } from "../../seed/demo";
import { DEMO_CONSENT_TEXT } from "../../seed/demo-consent-text";
import { leads } from "./schema";

let server: ServerProcess | undefined;
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await server?.kill();
  await drop?.();
});

const CLIENTS = 16;

describe("a server killed during a burst of API intake", () => {
  it.runIf(process.env.DATABASE_URL)(
    "loses no lead it acknowledged (kill -9 of a real server process on PostgreSQL)",
    async () => {
      const fresh = await emptyPostgresDatabase("la_kill");
      drop = fresh.drop;
      server = await spawnServer({ DATABASE_URL: fresh.url });
      const url = `${server.url}/api/v1/leads`;
      const acknowledged = new Map<string, "accepted" | "rejected">();
      let refusedConnections = 0;
      let killing = false;
      const sender = async () => {
        for (;;) {
          try {
            const res = await fetch(url, {
              method: "POST",
              headers: { authorization: `Bearer ${DEMO_SUPPLIER_API_KEY}`, "content-type": "application/json" },
              body: JSON.stringify(validLead(DEMO_CONSENT_TEXT.version)),
            });
            const body = (await res.json()) as { id: string; status: "accepted" | "rejected" };
            if (res.status === 201 || res.status === 422) acknowledged.set(body.id, body.status);
          } catch {
            // The process is gone: what was in flight was never acknowledged.
            refusedConnections++;
            if (killing) return;
          }
        }
      };
      const senders = Array.from({ length: CLIENTS }, sender);
      await expect.poll(() => acknowledged.size, { timeout: 120_000, interval: 50 }).toBeGreaterThan(2_000);
      killing = true;
      await server.kill();
      await Promise.all(senders);

      const database = await openDatabase({ url: fresh.url, poolSize: 2 });
      try {
        const ids = [...acknowledged.keys()];
        const stored = new Map<string, string>();
        for (let i = 0; i < ids.length; i += 1000) {
          const rows = await database.db
            .select({ id: leads.id, status: leads.status })
            .from(leads)
            .where(inArray(leads.id, ids.slice(i, i + 1000)));
          for (const r of rows) stored.set(r.id, r.status);
        }
        const lost = ids.filter((id) => stored.get(id) !== acknowledged.get(id));
        expect({ acknowledged: ids.length, lost }).toEqual({ acknowledged: ids.length, lost: [] });
        expect(refusedConnections).toBeGreaterThanOrEqual(CLIENTS);
      } finally {
        await database.close();
      }
    },
    240_000,
  );
});
