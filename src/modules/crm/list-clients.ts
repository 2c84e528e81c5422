import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { users } from "../accounts/schema";
import { detectTns } from "./detect-tns";
import { toClientContract, toClientRecord } from "./load-client-record";
import { preparationChecklist } from "./rules/checklist";
import type { ClientType } from "./rules/client-model";
import { agencies, clients, contracts } from "./schema";

export interface ClientListFilters {
  /** An agency id, or "none" for clients attached to no agency. */
  agencyId?: string;
  /** A user id, or "none" for clients without an account manager. */
  accountManagerId?: string;
  type?: ClientType;
  q?: string;
  page: number;
  pageSize: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(orgId: string, f: ClientListFilters): SQL[] {
  const where: SQL[] = [eq(clients.orgId, orgId)];
  if (f.agencyId) where.push(f.agencyId === "none" ? isNull(clients.agencyId) : eq(clients.agencyId, f.agencyId));
  if (f.accountManagerId) {
    where.push(f.accountManagerId === "none" ? isNull(clients.accountManagerId) : eq(clients.accountManagerId, f.accountManagerId));
  }
  if (f.type) where.push(eq(clients.type, f.type));
  for (const term of (f.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 5)) {
    // Each word must match somewhere: "dupont marseille" finds Dupont living in Marseille.
    const like = `%${escapeLike(term)}%`;
    const digits = term.replace(/[\s.]/g, "");
    const matches = [
      sql`${clients.lastName} ilike ${like}`,
      sql`${clients.firstName} ilike ${like}`,
      sql`${clients.companyName} ilike ${like}`,
      sql`${clients.email} ilike ${like}`,
      sql`${clients.city} ilike ${like}`,
      sql`${clients.externalRef} ilike ${like}`,
    ];
    if (/^\+?\d{2,}$/.test(digits)) {
      // Phones are stored in E.164: "06 12…" is searched as "+336 12…" too.
      const national = digits.startsWith("0") ? `+33${digits.slice(1)}` : digits;
      matches.push(sql`${clients.siret} like ${`${digits}%`}`, sql`${clients.phone} like ${`%${escapeLike(national)}%`}`);
      matches.push(sql`${clients.postalCode} like ${`${digits}%`}`);
    }
    where.push(or(...matches) as SQL);
  }
  return where;
}

/** One page of the organisation's clients, with what the list shows (agency, manager, file gaps). */
export async function listClients(db: DbOrTx, orgId: string, filters: ClientListFilters) {
  const where = and(...conditions(orgId, filters));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(clients).where(where);
  const rows = await db
    .select({ client: clients, agencyName: agencies.name, managerFirstName: users.firstName, managerLastName: users.lastName })
    .from(clients)
    .leftJoin(agencies, eq(agencies.id, clients.agencyId))
    .leftJoin(users, eq(users.id, clients.accountManagerId))
    .where(where)
    .orderBy(asc(sql`lower(coalesce(${clients.companyName}, ${clients.lastName}))`), asc(clients.firstName), asc(clients.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);

  const ids = rows.map((r) => r.client.id);
  const contractRows =
    ids.length > 0
      ? await db
          .select()
          .from(contracts)
          .where(and(eq(contracts.orgId, orgId), inArray(contracts.clientId, ids)))
      : [];
  const byClient = new Map<string, (typeof contractRows)[number][]>();
  for (const c of contractRows) byClient.set(c.clientId, [...(byClient.get(c.clientId) ?? []), c]);

  const items = rows.map(({ client, agencyName, managerFirstName, managerLastName }) => {
    const own = (byClient.get(client.id) ?? []).map(toClientContract);
    const ours = own.filter((c) => c.isOurs);
    const starts = ours
      .map((c) => c.startDate)
      .filter((d): d is string => !!d)
      .sort();
    const record = toClientRecord(client);
    const checklist = preparationChecklist(record, own, detectTns(record));
    return {
      id: client.id,
      type: client.type,
      isTns: client.isTns,
      displayName: displayNameOf(client),
      city: client.city,
      postalCode: client.postalCode,
      phone: client.phone,
      email: client.email,
      externalRef: client.externalRef,
      agency: client.agencyId && agencyName ? { id: client.agencyId, name: agencyName } : null,
      accountManager:
        client.accountManagerId && managerLastName
          ? { id: client.accountManagerId, name: `${managerFirstName ?? ""} ${managerLastName}`.trim() }
          : null,
      contractsCount: ours.length,
      firstContractStart: starts[0] ?? null,
      toComplete: checklist.filter((i) => i.kind === "to_complete").length,
    };
  });
  return { items, total, page: filters.page, pageSize: filters.pageSize };
}

export function displayNameOf(c: {
  type: string;
  companyName?: string | null;
  lastName?: string | null;
  firstName?: string | null;
}): string {
  const person = [c.lastName?.toUpperCase(), c.firstName].filter(Boolean).join(" ");
  if (c.type === "entreprise" || (c.companyName && !person)) return c.companyName || person;
  return c.companyName ? `${person} (${c.companyName})` : person;
}
