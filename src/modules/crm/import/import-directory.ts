import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { users } from "../../accounts/schema";
import { agencies } from "../schema";
import { fold } from "./parse-cell";

/**
 * The organisation's agencies and collaborators, loaded once per import, to turn the names a CRM
 * export holds ("Corniche", "Julien Morel", "j.morel@cabinet.fr") into ids.
 */
export interface ImportDirectory {
  agency(name: string): string | null;
  user(nameOrEmail: string): string | null;
}

export async function loadImportDirectory(db: DbOrTx, orgId: string): Promise<ImportDirectory> {
  const agencyRows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.orgId, orgId));
  const userRows = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ["broker_admin", "broker_agent"])));
  const agencyIndex = new Map(agencyRows.map((a) => [fold(a.name), a.id]));
  const userIndex = new Map<string, string | null>();
  const add = (key: string, id: string) => {
    // Two collaborators with the same name: the name alone no longer says who, only the e-mail does.
    userIndex.set(key, userIndex.has(key) && userIndex.get(key) !== id ? null : id);
  };
  for (const u of userRows) {
    userIndex.set(`@${u.email.toLowerCase()}`, u.id);
    add(fold(`${u.firstName} ${u.lastName}`), u.id);
    add(fold(`${u.lastName} ${u.firstName}`), u.id);
  }
  return {
    agency: (name) => agencyIndex.get(fold(name)) ?? null,
    user: (value) => {
      const v = value.trim();
      if (v.includes("@")) return userIndex.get(`@${v.toLowerCase()}`) ?? null;
      return userIndex.get(fold(v)) ?? null;
    },
  };
}
