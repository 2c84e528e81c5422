import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import type { FieldIssue } from "../../platform/errors";
import { users } from "../accounts/schema";
import { agencies } from "./schema";

export interface Reference {
  field: string;
  kind: "agency" | "user";
  id: string | null | undefined;
}

const BROKER_ROLES = ["broker_admin", "broker_agent"] as const;

/**
 * Agencies, account managers and sellers must belong to the caller's organisation: an id from
 * another one is reported like an unknown id, so its existence is not disclosed.
 */
export async function referenceIssues(db: DbOrTx, orgId: string, refs: readonly Reference[]): Promise<FieldIssue[]> {
  const wanted = refs.filter((r): r is Reference & { id: string } => typeof r.id === "string");
  const agencyIds = [...new Set(wanted.filter((r) => r.kind === "agency").map((r) => r.id))];
  const userIds = [...new Set(wanted.filter((r) => r.kind === "user").map((r) => r.id))];
  const known = new Set<string>();
  if (agencyIds.length > 0) {
    const rows = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.orgId, orgId), inArray(agencies.id, agencyIds)));
    for (const r of rows) known.add(r.id);
  }
  if (userIds.length > 0) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, userIds), inArray(users.role, [...BROKER_ROLES])));
    for (const r of rows) known.add(r.id);
  }
  return wanted
    .filter((r) => !known.has(r.id))
    .map((r) => ({
      field: r.field,
      message: r.kind === "agency" ? "Agence inconnue dans votre cabinet" : "Collaborateur inconnu dans votre cabinet",
    }));
}
