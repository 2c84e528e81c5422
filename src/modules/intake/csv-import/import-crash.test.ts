import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { emptyPostgresDatabase, type ServerProcess, spawnServer } from "../../../../tests/support/server-process";
import { systemClock } from "../../../platform/clock";
import { DEMO_PASSWORD } from "../../../seed/demo";
import { DEMO_CONSENT_TEXT } from "../../../seed/demo-consent-text";
import { makeLeadCsv } from "./make-csv";

const servers: ServerProcess[] = [];
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()));
  await drop?.();
});

const ROWS = 20_000;

async function supplierSession(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "contact@leadfactory-provence.demo", password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("la_session="))
    ?.split(";")[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (more: Record<string, string> = {}) => ({ cookie, "x-csrf-token": csrfToken, ...more });
}

/**
 * The file, sent in 64 kB pieces `pauseMs` apart (a supplier's upload, slower than the server). With
 * `stallAfter`, the upload stops there and never goes on: the import is surely still running when the
 * test kills its server, however fast the server imports and however long a second instance takes to start.
 */
function upload(url: string, headers: Record<string, string>, csv: Buffer, pauseMs: number, stallAfter = Number.POSITIVE_INFINITY) {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= csv.length) return controller.close();
      if (offset >= stallAfter) await new Promise(() => {});
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      controller.enqueue(csv.subarray(offset, offset + 65_536));
      offset += 65_536;
    },
  });
  return fetch(url, { method: "PUT", headers: { ...headers, "content-type": "text/csv" }, body, duplex: "half" } as RequestInit);
}

describe("a CSV import whose server is killed", () => {
  it.runIf(process.env.DATABASE_URL)(
    "is marked interrupted once its instance is gone (never while it lives), then resumed with the same file: every row once",
    async () => {
      const fresh = await emptyPostgresDatabase("la_crash");
      drop = fresh.drop;
      const db = new pg.Client({ connectionString: fresh.url });
      const a = await spawnServer({ DATABASE_URL: fresh.url });
      servers.push(a);
      await db.connect();
      try {
        const asSupplier = await supplierSession(a.url);
        const csv = Buffer.from(
          makeLeadCsv({ now: systemClock(), product: "mutuelle-sante", rows: ROWS, consentVersion: DEMO_CONSENT_TEXT.version }),
        );
        const created = await fetch(`${a.url}/api/v1/imports`, {
          method: "POST",
          headers: asSupplier({ "content-type": "application/json" }),
          body: JSON.stringify({ product: "mutuelle-sante", filename: "mutuelles.csv", sizeBytes: csv.length }),
        });
        const { id } = (await created.json()) as { id: string };
        const state = async () =>
          (
            await db.query(
              "select status, total_rows, (select count(*)::int from leads where import_id = $1) as stored from csv_imports where id = $1",
              [id],
            )
          ).rows[0] as { status: string; total_rows: number; stored: number };

        const sending = upload(`${a.url}/api/v1/imports/${id}/file`, asSupplier(), csv, 40, csv.length / 3).catch(() => null);
        await expect.poll(async () => (await state()).total_rows, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(1_000);

        // A second instance starting while the first imports leaves that import alone: it is alive.
        const b = await spawnServer({ DATABASE_URL: fresh.url });
        servers.push(b);
        expect((await state()).status).toBe("running");

        await a.kill();
        await sending;
        const atKill = await state();
        expect(atKill.status).toBe("running");
        expect(atKill.stored).toBe(atKill.total_rows);
        expect(atKill.total_rows).toBeLessThan(ROWS);

        // A minute without a heartbeat: the surviving instance's watchdog (every 30 s) declares it interrupted.
        await db.query("update csv_imports set heartbeat_at = heartbeat_at - interval '2 minutes' where id = $1", [id]);
        await expect.poll(async () => (await state()).status, { timeout: 45_000, interval: 500 }).toBe("interrupted");
        const interrupted = await state();
        expect(interrupted).toMatchObject({ total_rows: atKill.total_rows, stored: atKill.total_rows });

        // The supplier sends the same file again to the other instance: it goes on after the stored rows.
        const asSupplierOnB = await supplierSession(b.url);
        const resumed = await upload(`${b.url}/api/v1/imports/${id}/file`, asSupplierOnB(), csv, 0);
        expect(resumed.status).toBe(200);
        expect(await resumed.json()).toMatchObject({ status: "done", totalRows: ROWS });
        const rows = await db.query(
          `select count(*)::int as n, count(distinct import_row)::int as distinct_rows,
                  count(*) filter (where reasons::text like '%duplicate%')::int as duplicates
             from leads where import_id = $1`,
          [id],
        );
        expect(rows.rows[0]).toEqual({ n: ROWS, distinct_rows: ROWS, duplicates: 0 });
        expect(await b.stop()).toBe(0);
      } finally {
        await db.end();
      }
    },
    300_000,
  );
});
