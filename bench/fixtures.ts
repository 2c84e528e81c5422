/** What the marketplace and broker-space benchmarks set up the same way: buyers, their sessions, a fresh server. */
import pg from "pg";
import { request } from "undici";
import { hashPassword } from "../src/modules/accounts/passwords";
import { freshDatabase, type ServerHandle, startServer } from "./support";

export const PASSWORD = "bench-market-2026";

/**
 * A session for one user of the running server. Logins are limited per address: each buyer logs in from
 * its own (documentation-range) address, passed by the trusted local proxy the bench server is told of.
 */
export async function login(server: ServerHandle, email: string, buyerIndex = 0) {
  const address = `203.0.${113 + (buyerIndex >> 8)}.${buyerIndex & 255}`;
  const res = await request(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${await res.body.text()}`);
  const { csrfToken } = (await res.body.json()) as { csrfToken: string };
  return { cookie: String(res.headers["set-cookie"]).split(";")[0] as string, "x-csrf-token": csrfToken };
}

/**
 * Verified brokerages with a buyer each and credits, written straight into the bench database (their
 * sign-up and verification are not what is measured). Consent coverage: every partner category.
 */
export async function createBuyers(c: pg.Client, n: number, creditsCents: number) {
  const hash = await hashPassword(PASSWORD);
  const { rows } = await c.query<{ org_id: string; email: string }>(
    `with o as (
       insert into organisations (kind, name, siren, orias)
       select 'courtier', 'Cabinet bench ' || i, lpad(i::text, 9, '0'), lpad(i::text, 8, '0') from generate_series(1, $1) i
       returning id, name
     ), b as (
       insert into brokerages (org_id, legal_name, siren, vat_number, address_line, postal_code, city, orias_number, orias_categories,
                               partner_categories, verified_at)
       select id, name, 'S' || id, 'FR00' || id, '1 rue du Banc', '75001', 'Paris', 'O' || id, array['COA','COBSP'],
              (select array_agg(distinct c) from consent_texts, unnest(partner_categories) c), now()
       from o returning org_id
     ), w as (insert into wallets (org_id, balance_cents, updated_at) select org_id, $2, now() from b returning org_id)
     insert into users (org_id, email, password_hash, role, first_name, last_name)
     select org_id, 'acheteur-' || org_id || '@bench.local', $3, 'broker_admin', 'Bench', 'Acheteur' from w
     returning org_id, email`,
    [n, creditsCents, hash],
  );
  return rows;
}

export async function withFreshServer<T>(
  base: string,
  prepare: (c: pg.Client) => Promise<void>,
  run: (server: ServerHandle, c: pg.Client) => Promise<T>,
) {
  const database = await freshDatabase("postgres", base);
  // A first start migrates and seeds the demo; the data is prepared between the two starts.
  const first = await startServer(database.env);
  await first.stop();
  const c = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await c.connect();
  try {
    await prepare(c);
    const server = await startServer({ ...database.env, TRUST_PROXY: "127.0.0.1" });
    try {
      return await run(server, c);
    } finally {
      await server.stop();
    }
  } finally {
    await c.end();
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN after the run (drop it by hand afterwards).
    if (process.env.BENCH_KEEP_DB) console.log(`base conservée : ${database.env.DATABASE_URL}`);
    else await database.drop();
  }
}
