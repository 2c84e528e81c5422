import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emptyPostgresDatabase, type ServerProcess, spawnServer } from "../../../tests/support/server-process";
import { type Database, openDatabase } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { creditWallet } from "../billing";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./sign-webhook";

let server: ServerProcess | undefined;
let database: Database | undefined;
let drop: (() => Promise<void>) | undefined;
const held: ServerResponse[] = [];
const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
// The broker's endpoint: hangs on the first request (the server dies while waiting), answers 200 after.
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    if (received.length === 1) held.push(res);
    else res.writeHead(200).end("ok");
  });
});
afterAll(async () => {
  await server?.kill();
  for (const r of held) r.destroy();
  receiver.close();
  await database?.close();
  await drop?.();
});

const DEMO_BROKER = { email: "direction@cabinet-durand.demo", password: "demo-leads-2026" };

async function call(url: string, method: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

const one = async <T>(db: Database["db"], query: ReturnType<typeof sql>) => (await rawRows<T>(db, query))[0] as T;

describe("deliveries survive a server killed in the middle of one", () => {
  it.runIf(process.env.DATABASE_URL)(
    "kill -9 while the webhook is being sent: the restarted server sends it again, signed, and the notice exists once",
    async () => {
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;
      const fresh = await emptyPostgresDatabase("la_dkill");
      drop = fresh.drop;
      const env = { DATABASE_URL: fresh.url, TRUST_PROXY: "127.0.0.1" };
      server = await spawnServer(env);
      database = await openDatabase({ url: fresh.url, poolSize: 2 });
      const db = database.db;

      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(DEMO_BROKER),
      });
      const cookie = /la_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0] as string;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const auth = { cookie, "x-csrf-token": csrfToken };
      const { org_id: orgId } = await one<{ org_id: string }>(db, sql`select org_id from users where email = ${DEMO_BROKER.email}`);
      await db.transaction((tx) =>
        creditWallet(tx, { orgId, amountCents: 50_000, kind: "adjustment", reference: "delivery-kill", now: new Date() }),
      );

      const hook = await call(`${server.url}/api/v1/brokerage/webhook`, "PUT", { url: hookUrl, enabled: true }, auth);
      expect(hook.status, JSON.stringify(hook.body)).toBe(200);
      const secret = hook.body.secret as string;
      await expect
        .poll(async () => (await call(`${server?.url}/api/v1/market/leads?pageSize=1`, "GET", undefined, auth)).body.total, {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      const listing = await call(`${server.url}/api/v1/market/leads?pageSize=1`, "GET", undefined, auth);
      const leadId = (listing.body.items as { leadId: string }[])[0]?.leadId as string;
      const hold = await call(
        `${server.url}/api/v1/market/leads/${leadId}/hold`,
        "POST",
        {},
        {
          ...auth,
          "idempotency-key": "kill-delivery-01",
        },
      );
      expect(hold.status, JSON.stringify(hold.body)).toBe(201);
      const paid = await call(`${server.url}/api/v1/market/holds/${hold.body.id}/pay`, "POST", { method: "credits" }, auth);
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);

      // The job runner takes the sale, then the webhook attempt, which waits on the hanging endpoint: kill -9 now.
      await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
      await server.kill();
      const stuck = await one<{ status: string }>(
        db,
        sql`select status from jobs where kind = 'delivery.webhook' order by id desc limit 1`,
      );
      expect(stuck.status).toBe("running");
      // A quarter of an hour later (the lock a dead process leaves is taken back after 15 minutes).
      await db.execute(sql`update jobs set locked_at = locked_at - interval '16 minutes' where status = 'running'`);

      server = await spawnServer(env);
      await expect.poll(() => received.length, { timeout: 60_000 }).toBe(2);
      const [first, second] = received;
      expect(second?.body).toBe(first?.body);
      expect(JSON.parse(second?.body ?? "{}").lead).toMatchObject({ id: leadId, channel: "marketplace" });
      expect(verifyWebhookSignature(secret, second?.body ?? "", String(second?.headers[SIGNATURE_HEADER]), Date.now() / 1000)).toBe(true);
      await expect
        .poll(
          async () =>
            (await one<{ status: string }>(db, sql`select status from webhook_deliveries where lead_id = ${leadId}::uuid`)).status,
          { timeout: 15_000 },
        )
        .toBe("succeeded");
      const notices = await one<{ n: number }>(
        db,
        sql`select count(*)::int as n from broker_notifications where lead_id = ${leadId}::uuid`,
      );
      expect(notices.n).toBe(1);
    },
    240_000,
  );
});
