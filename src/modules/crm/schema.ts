import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../accounts/schema";
import { leads } from "../intake/schema";
import type {
  Civility,
  ClientOrigin,
  ClientType,
  HousingStatus,
  LegalForm,
  ManagerRole,
  MaritalStatus,
  PetSpecies,
  ProfessionalStatus,
} from "./rules/client-model";
import type { ProductLine } from "./rules/product-lines";

/** A broker firm's agencies (the demo has "Corniche" and "Rouvière"). */
export const agencies = pgTable(
  "agencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    /** Network brand said on the phone ("votre agence Allianz Corniche"). */
    brand: text("brand"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agencies_org_name_idx").on(t.orgId, t.name)],
);

/** Account managers ("chargés de clientèle"): broker users attached to an agency, with what their contact card shows. */
export const agencyMembers = pgTable("agency_members", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  agencyId: uuid("agency_id")
    .notNull()
    .references(() => agencies.id),
  jobTitle: text("job_title").notNull().default("Chargé(e) de clientèle"),
  mobile: text("mobile"),
  /** Handles professional / TNS clients: proposed when a client is requalified as TNS. */
  handlesProfessionals: boolean("handles_professionals").notNull().default(false),
});

export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    accountManagerId: uuid("account_manager_id").references(() => users.id),
    type: text("type").$type<ClientType>().notNull(),
    isTns: boolean("is_tns").notNull().default(false),
    civility: text("civility").$type<Civility>(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    companyName: text("company_name"),
    birthDate: date("birth_date"),
    addressLine: text("address_line"),
    postalCode: text("postal_code"),
    city: text("city"),
    phone: text("phone"),
    email: text("email"),
    maritalStatus: text("marital_status").$type<MaritalStatus>(),
    professionalStatus: text("professional_status").$type<ProfessionalStatus>(),
    childrenCount: integer("children_count"),
    housing: text("housing").$type<HousingStatus>(),
    vehicleCount: integer("vehicle_count"),
    /** Species of the pets; [] = none, null = not known. */
    petSpecies: jsonb("pet_species").$type<PetSpecies[]>(),
    /** Tranche marginale d'imposition, percent (0, 11, 30, 41, 45). */
    incomeTaxRate: smallint("income_tax_rate"),
    siret: text("siret"),
    nafCode: text("naf_code"),
    activity: text("activity"),
    /** Chiffre d'affaires annuel, euros. */
    annualRevenue: bigint("annual_revenue", { mode: "number" }),
    headcount: integer("headcount"),
    insuranceContactName: text("insurance_contact_name"),
    managerName: text("manager_name"),
    legalForm: text("legal_form").$type<LegalForm>(),
    /** The manager's mandate: with the legal form, decides whether he is TNS. */
    managerRole: text("manager_role").$type<ManagerRole>(),
    origin: text("origin").$type<ClientOrigin>(),
    /** The lead this client was won from, when it came from the marketplace. */
    sourceLeadId: uuid("source_lead_id").references(() => leads.id),
    /** Identifier in the CRM it was imported from (re-import updates instead of duplicating). */
    externalRef: text("external_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("clients_org_agency_idx").on(t.orgId, t.agencyId),
    index("clients_manager_idx").on(t.accountManagerId),
    uniqueIndex("clients_org_external_ref_idx").on(t.orgId, t.externalRef).where(sql`${t.externalRef} is not null`),
    // The CRM import attaches rows to an existing client by SIRET, or by name + birth date + postal code.
    index("clients_org_siret_idx").on(t.orgId, t.siret),
    index("clients_org_birth_date_idx").on(t.orgId, t.birthDate),
  ],
);

export const CONTRACT_SIGNATURE_STATUSES = ["signed", "unsigned"] as const;

export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    productLine: text("product_line").$type<ProductLine>().notNull(),
    /** false: held with another insurer (declared by the client). */
    isOurs: boolean("is_ours").notNull().default(true),
    insurerName: text("insurer_name"),
    renewalDate: date("renewal_date"),
    startDate: date("start_date"),
    /** Annual premium in cents. */
    premiumCents: integer("premium_cents"),
    sellerId: uuid("seller_id").references(() => users.id),
    /** Dispositions particulières signed. */
    dpSigned: boolean("dp_signed"),
    /** null: no quote or project awaiting signature. */
    quoteSigned: boolean("quote_signed"),
    /** Keys of the supporting documents present (see requiredDocuments(productLine)). */
    documentsProvided: jsonb("documents_provided").$type<string[]>().notNull().default([]),
    summary: text("summary"),
    externalRef: text("external_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contracts_client_idx").on(t.clientId),
    // The monthly campaign looks for clients by the start of their first contract with us.
    index("contracts_org_ours_start_idx").on(t.orgId, t.isOurs, t.startDate),
    uniqueIndex("contracts_org_external_ref_idx").on(t.orgId, t.externalRef).where(sql`${t.externalRef} is not null`),
  ],
);

export const crmImports = pgTable("crm_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id),
  userId: uuid("user_id").references(() => users.id),
  filename: text("filename").notNull(),
  mapping: jsonb("mapping").$type<Record<string, string>>().notNull().default({}),
  /** interrupted: its server stopped during the import; the rows written so far are kept. */
  status: text("status", { enum: ["pending", "running", "done", "failed", "interrupted"] })
    .notNull()
    .default("pending"),
  /** Refreshed while an instance runs the import: a running import whose heartbeat stops was interrupted. */
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  /** Upload size when known (Content-Length), and bytes read so far: the progress bar. */
  sizeBytes: bigint("size_bytes", { mode: "number" }),
  bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
  /** The header as sent, in file order (jsonb objects do not keep key order): columns of the rejection report. */
  columns: jsonb("columns").$type<string[]>().notNull().default([]),
  totalRows: integer("total_rows").notNull().default(0),
  clientsCreated: integer("clients_created").notNull().default(0),
  clientsUpdated: integer("clients_updated").notNull().default(0),
  contractsCreated: integer("contracts_created").notNull().default(0),
  /** Re-imports update the contracts found by reference instead of duplicating them. */
  contractsUpdated: integer("contracts_updated").notNull().default(0),
  rejectedRows: integer("rejected_rows").notNull().default(0),
  /** Rejected rows with their reasons, for the downloadable report. */
  report: jsonb("report").$type<{ line: number; record: Record<string, string>; reasons: string[] }[]>().notNull().default([]),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
