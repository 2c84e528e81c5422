import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../platform/db/client";
import { users } from "../accounts/schema";
import type { AdminBrokerageView, BrokerageStatus } from "./api";
import { brokerageView } from "./load-brokerage";
import { oriasSearchUrl } from "./rules/orias-categories";
import { brokerages } from "./schema";

const verifier = alias(users, "verifier");

/** The operator's list: brokerages to verify first (oldest first), or those of one status. */
export async function listBrokerages(db: DbOrTx, filter: { status?: BrokerageStatus }): Promise<AdminBrokerageView[]> {
  const where =
    filter.status === "verified"
      ? isNotNull(brokerages.verifiedAt)
      : filter.status === "refused"
        ? and(isNull(brokerages.verifiedAt), isNotNull(brokerages.refusedAt))
        : filter.status === "pending"
          ? and(isNull(brokerages.verifiedAt), isNull(brokerages.refusedAt))
          : undefined;
  const rows = await db
    .select({
      brokerage: brokerages,
      // The first admin of the cabinet: who to call about the registration.
      adminEmail: sql<
        string | null
      >`(select u.email from users u where u.org_id = ${brokerages.orgId} and u.role = 'broker_admin' order by u.created_at limit 1)`,
      verifierFirst: verifier.firstName,
      verifierLast: verifier.lastName,
    })
    .from(brokerages)
    .leftJoin(verifier, eq(verifier.id, brokerages.verifiedBy))
    .where(where)
    .orderBy(filter.status === "pending" ? asc(brokerages.createdAt) : desc(brokerages.createdAt))
    .limit(500);
  return rows.map((r) => ({
    ...brokerageView(r.brokerage),
    adminEmail: r.adminEmail,
    verifiedByName: r.verifierFirst ? `${r.verifierFirst} ${r.verifierLast ?? ""}`.trim() : null,
    oriasSearchUrl: oriasSearchUrl(r.brokerage.oriasNumber),
  }));
}
