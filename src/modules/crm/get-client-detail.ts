import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import { users } from "../accounts/schema";
import { detectTns } from "./detect-tns";
import { displayNameOf } from "./list-clients";
import { loadClientRecord } from "./load-client-record";
import { preparationChecklist } from "./rules/checklist";
import { productLineLabel, requiredDocuments } from "./rules/product-lines";
import { agencies, agencyMembers } from "./schema";

/**
 * The client page: record, contracts with their compliance (signatures, pieces required by the line
 * and whether each is present), agency, account manager, and the pre-call checklist of the M+3.
 */
export async function getClientDetail(db: DbOrTx, orgId: string, clientId: string) {
  const loaded = await loadClientRecord(db, orgId, clientId);
  if (!loaded) throw notFound("Client");
  const { client, contracts } = loaded;

  const [agency] = client.agencyId
    ? await db
        .select({ id: agencies.id, name: agencies.name, brand: agencies.brand, phone: agencies.phone })
        .from(agencies)
        .where(and(eq(agencies.id, client.agencyId), eq(agencies.orgId, orgId)))
    : [];
  const userIds = [...new Set([client.accountManagerId, ...contracts.map((c) => c.sellerId)].filter((id): id is string => !!id))];
  const people =
    userIds.length > 0
      ? await db
          .select({
            id: users.id,
            firstName: users.firstName,
            lastName: users.lastName,
            email: users.email,
            jobTitle: agencyMembers.jobTitle,
            mobile: agencyMembers.mobile,
          })
          .from(users)
          .leftJoin(agencyMembers, eq(agencyMembers.userId, users.id))
          .where(and(eq(users.orgId, orgId), inArray(users.id, userIds)))
      : [];
  const person = (id: string | null | undefined) => people.find((p) => p.id === id) ?? null;
  const nameOf = (id: string | null | undefined) => {
    const p = person(id);
    return p ? `${p.firstName} ${p.lastName}` : null;
  };

  const tns = detectTns(client);
  return {
    client: { ...client, displayName: displayNameOf(client) },
    agency: agency ?? null,
    accountManager: person(client.accountManagerId),
    contracts: contracts.map((c) => {
      const provided = new Set(c.documentsProvided);
      return {
        ...c,
        productLineLabel: productLineLabel(c.productLine),
        sellerName: nameOf(c.sellerId),
        documents: requiredDocuments(c.productLine).map((d) => ({ key: d.key, label: d.label, provided: provided.has(d.key) })),
      };
    }),
    preparationChecklist: preparationChecklist(client, contracts, tns),
    tns,
  };
}
