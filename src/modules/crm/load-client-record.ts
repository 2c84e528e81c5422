import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import type { ClientRecord } from "./rules/client-model";
import type { ClientContract } from "./rules/contract-compliance";
import { clients, contracts } from "./schema";

export type ClientRow = typeof clients.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;

/** ClientRecord plus the columns the follow-up and the UI need beside the checklist fields. */
export interface LoadedClient extends ClientRecord {
  id: string;
  orgId: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  companyName: string | null;
  sourceLeadId: string | null;
  externalRef: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** ClientContract plus the stored columns the UI shows (premium, seller, renewal). */
export interface LoadedContract extends ClientContract {
  clientId: string;
  renewalDate: string | null;
  premiumCents: number | null;
  sellerId: string | null;
  externalRef: string | null;
  documentsProvided: string[];
  createdAt: Date;
}

/** The checklist reads one "adresse d'envoi": the three stored columns, joined as written on an envelope. */
export function mailingAddressOf(row: Pick<ClientRow, "addressLine" | "postalCode" | "city">): string | null {
  const town = [row.postalCode, row.city].filter((p) => p && p.trim() !== "").join(" ");
  const parts = [row.addressLine, town].filter((p): p is string => !!p && p.trim() !== "");
  return parts.length > 0 ? parts.join(", ") : null;
}

export function toClientRecord(row: ClientRow): LoadedClient {
  return {
    id: row.id,
    orgId: row.orgId,
    type: row.type,
    isTns: row.isTns,
    civility: row.civility,
    lastName: row.lastName,
    firstName: row.firstName,
    mailingAddress: mailingAddressOf(row),
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    city: row.city,
    companyName: row.companyName,
    phone: row.phone,
    email: row.email,
    maritalStatus: row.maritalStatus,
    professionalStatus: row.professionalStatus,
    housing: row.housing,
    origin: row.origin,
    birthDate: row.birthDate,
    childrenCount: row.childrenCount,
    vehicleCount: row.vehicleCount,
    petSpecies: row.petSpecies,
    incomeTaxRate: row.incomeTaxRate,
    siret: row.siret,
    nafCode: row.nafCode,
    activity: row.activity,
    annualRevenue: row.annualRevenue,
    headcount: row.headcount,
    insuranceContactName: row.insuranceContactName,
    managerName: row.managerName,
    legalForm: row.legalForm,
    managerRole: row.managerRole,
    agencyId: row.agencyId,
    accountManagerId: row.accountManagerId,
    sourceLeadId: row.sourceLeadId,
    externalRef: row.externalRef,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toClientContract(row: ContractRow): LoadedContract {
  return {
    id: row.id,
    clientId: row.clientId,
    productLine: row.productLine,
    summary: row.summary,
    isOurs: row.isOurs,
    insurerName: row.insurerName,
    startDate: row.startDate,
    renewalDate: row.renewalDate,
    premiumCents: row.premiumCents,
    sellerId: row.sellerId,
    dpSigned: row.dpSigned,
    quoteSigned: row.quoteSigned,
    documentsProvided: row.documentsProvided ?? [],
    externalRef: row.externalRef,
    createdAt: row.createdAt,
  };
}

/**
 * A client of the organisation with its contracts (oldest start first), in the shared CRM types the
 * checklist and the follow-up work on. Null when the client does not exist in this organisation.
 */
export async function loadClientRecord(
  db: DbOrTx,
  orgId: string,
  clientId: string,
): Promise<{ client: LoadedClient; contracts: LoadedContract[] } | null> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.orgId, orgId)))
    .limit(1);
  if (!row) return null;
  const contractRows = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.clientId, clientId), eq(contracts.orgId, orgId)))
    .orderBy(asc(contracts.startDate), asc(contracts.createdAt));
  return { client: toClientRecord(row), contracts: contractRows.map(toClientContract) };
}
