import { sql } from "drizzle-orm";
import { type Database, type Db, type DbOrTx, openDatabase } from "./client";
import { runMigrations } from "./migrate";
import { rawRows } from "./raw-rows";

/**
 * The tables that prove consent and what happened: the application may read them and add to them,
 * nothing else (their triggers refuse UPDATE, DELETE and TRUNCATE too, migrations 0001 and 0009).
 */
export const EVIDENCE_TABLES = [
  "leads",
  "lead_consents",
  "consent_texts",
  "audit_events",
  "audit_chain",
  "ledger_entries",
  "invoices",
  "lead_sales",
  "price_grids",
  "prices",
] as const;

const GRANT_LOCK_KEY = 7_340_002;

export async function currentRole(db: DbOrTx): Promise<string> {
  const res = await rawRows<{ role: string }>(db, sql`select current_user as role`);
  return res[0]?.role ?? "";
}

/**
 * Gives the application's role what it needs, as the owner, after each migration: every table of the
 * schema (new ones included) to read and write, the evidence tables to read and insert into only. A role
 * that owns no table cannot ALTER them, so it cannot disable their triggers.
 */
export async function grantAppRole(owner: Db, role: string) {
  const who = sql.identifier(role);
  const evidence = sql.join(
    EVIDENCE_TABLES.map((t) => sql.identifier(t)),
    sql`, `,
  );
  await owner.transaction(async (tx) => {
    // Two instances starting at once would grant on the same rows of the catalog ("tuple concurrently updated").
    await tx.execute(sql`select pg_advisory_xact_lock(${GRANT_LOCK_KEY})`);
    await tx.execute(sql`grant usage on schema public to ${who}`);
    await tx.execute(sql`grant select, insert, update, delete on all tables in schema public to ${who}`);
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${who}`);
    await tx.execute(sql`revoke update, delete, truncate on ${evidence} from ${who}`);
  });
}

/**
 * Why this connection's role could defeat the evidence triggers (empty: it cannot). A superuser may
 * disable any trigger or set session_replication_role; an owner (or a member of the owning role) may
 * ALTER its tables.
 */
export async function appRoleProblems(database: Database): Promise<string[]> {
  if (database.kind === "pglite") return [];
  const res = await rawRows<{ role: string; superuser: boolean; owned: number }>(
    database.db,
    sql`
    select r.rolname as role, r.rolsuper as superuser,
           (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'MEMBER')) as owned
      from pg_roles r where r.rolname = current_user
  `,
  );
  const r = res[0];
  if (!r) return [];
  const problems: string[] = [];
  if (r.superuser) problems.push(`le rôle « ${r.role} » de DATABASE_URL est superutilisateur`);
  if (r.owned > 0)
    problems.push(`le rôle « ${r.role} » de DATABASE_URL possède ${r.owned} tables (il pourrait désactiver leurs déclencheurs)`);
  return problems;
}

/**
 * Migrates as the owner role and grants the application's role, when the owner is configured apart;
 * otherwise (development on one role, PGlite) migrates on the application's own connection.
 */
export async function migrateAsOwner(database: Database, ownerUrl: string | undefined) {
  if (!ownerUrl || database.kind === "pglite") return runMigrations(database);
  const owner = await openDatabase({ url: ownerUrl, poolSize: 1 });
  try {
    await runMigrations(owner);
    await grantAppRole(owner.db, await currentRole(database.db));
  } finally {
    await owner.close();
  }
}
