import type { PreparationItem } from "../../../modules/crm/rules/checklist";
import type { ClientRecord } from "../../../modules/crm/rules/client-model";
import type { ClientContract } from "../../../modules/crm/rules/contract-compliance";
import type { TnsDetection } from "../../../modules/crm/rules/tns";

/** What the CRM API answers (see src/modules/crm/routes/response-schemas.ts). */

export interface ClientSummary {
  id: string;
  type: ClientRecord["type"];
  isTns: boolean;
  displayName: string;
  city: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  externalRef: string | null;
  agency: { id: string; name: string } | null;
  accountManager: { id: string; name: string } | null;
  contractsCount: number;
  firstContractStart: string | null;
  toComplete: number;
}

export interface ClientPage {
  items: ClientSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ClientFilters {
  q?: string;
  type?: string;
  agencyId?: string;
  accountManagerId?: string;
  page?: string;
}

export interface Client extends ClientRecord {
  id: string;
  displayName: string;
  companyName: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  externalRef: string | null;
  sourceLeadId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Contract extends ClientContract {
  clientId: string;
  productLineLabel: string;
  renewalDate: string | null;
  premiumCents: number | null;
  sellerId: string | null;
  sellerName: string | null;
  documentsProvided: string[];
  documents: { key: string; label: string; provided: boolean }[];
  externalRef: string | null;
}

export interface ClientDetail {
  client: Client;
  agency: { id: string; name: string; brand: string | null; phone: string | null } | null;
  accountManager: { id: string; firstName: string; lastName: string; email: string; jobTitle: string | null; mobile: string | null } | null;
  contracts: Contract[];
  preparationChecklist: PreparationItem[];
  /** A TNS the record does not say yet: switched or set aside during the M+3. */
  tns: TnsDetection | null;
}

export interface Agency {
  id: string;
  name: string;
  brand: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  membersCount?: number;
  clientsCount?: number;
}

export interface TeamMember {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: "broker_admin" | "broker_agent";
  agencyId: string | null;
  agencyName: string | null;
  jobTitle: string | null;
  mobile: string | null;
  handlesProfessionals: boolean;
}

export interface CrmImport {
  id: string;
  filename: string;
  status: "pending" | "running" | "done" | "failed" | "interrupted";
  mapping: Record<string, string>;
  sizeBytes: number | null;
  bytesRead: number;
  totalRows: number;
  clientsCreated: number;
  clientsUpdated: number;
  contractsCreated: number;
  contractsUpdated: number;
  rejectedRows: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportPreview {
  encoding: string;
  delimiter: string;
  columns: string[];
  sampleRows: string[][];
  suggestedMapping: Record<string, string | null>;
  fields: { key: string; label: string; group: "client" | "contract" }[];
}
