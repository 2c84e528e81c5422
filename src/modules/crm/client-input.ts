import { z } from "zod";
import {
  type Civility,
  CLIENT_ORIGINS,
  CLIENT_TYPES,
  type ClientOrigin,
  type ClientType,
  HOUSING_STATUSES,
  type HousingStatus,
  MARITAL_STATUSES,
  type MaritalStatus,
  PROFESSIONAL_STATUSES,
  type ProfessionalStatus,
} from "../../shared/crm/client-model";
import { PRODUCT_LINE_KEYS, type ProductLine } from "../../shared/crm/product-lines";

/**
 * Shapes of what the API accepts for a client and a contract. Only types and lengths are checked
 * here; what needs reference data (SIRET checksum, NAF list, phone, postal code) is checked by
 * check-client.ts, which the import and the future lead conversion go through too.
 */

// Forms send "" for a cleared input: it means "no value", normalised to null by the checks.
const text = (max: number) => z.string().max(max).nullable().optional();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date attendue au format AAAA-MM-JJ")
  .nullable()
  .optional();
const count = (max: number) => z.number().int().min(0).max(max).nullable().optional();
const flag = z.boolean().nullable().optional();
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

export const clientFieldsShape = {
  type: oneOf<ClientType>(CLIENT_TYPES),
  isTns: z.boolean().optional(),
  civility: oneOf<Civility>(["M.", "Mme"]).nullable().optional(),
  firstName: text(100),
  lastName: text(100),
  companyName: text(200),
  birthDate: isoDate,
  addressLine: text(200),
  postalCode: text(10),
  city: text(100),
  phone: text(30),
  email: text(254),
  maritalStatus: oneOf<MaritalStatus>(MARITAL_STATUSES).nullable().optional(),
  professionalStatus: oneOf<ProfessionalStatus>(PROFESSIONAL_STATUSES).nullable().optional(),
  childrenCount: count(20),
  housing: oneOf<HousingStatus>(HOUSING_STATUSES).nullable().optional(),
  vehicleCount: count(50),
  hasPets: flag,
  incomeTaxHigh: flag,
  siret: text(20),
  nafCode: text(10),
  activity: text(300),
  annualRevenue: count(1_000_000_000_000),
  headcount: count(1_000_000),
  insuranceContactName: text(200),
  managerName: text(200),
  origin: oneOf<ClientOrigin>(CLIENT_ORIGINS).nullable().optional(),
  agencyId: z.uuid().nullable().optional(),
  accountManagerId: z.uuid().nullable().optional(),
  externalRef: text(100),
};

export const newClientSchema = z.object(clientFieldsShape).strict();
export const clientPatchSchema = z.object(clientFieldsShape).partial().strict();
export type NewClientInput = z.infer<typeof newClientSchema>;
export type ClientPatchInput = z.infer<typeof clientPatchSchema>;
export type ClientField = keyof typeof clientFieldsShape;
export const CLIENT_FIELDS = Object.keys(clientFieldsShape) as ClientField[];

export const contractFieldsShape = {
  productLine: oneOf<ProductLine>(PRODUCT_LINE_KEYS),
  isOurs: z.boolean().optional(),
  insurerName: text(100),
  startDate: isoDate,
  renewalDate: isoDate,
  /** Annual premium in cents: the form converts the euros typed by the agent. */
  premiumCents: count(100_000_000),
  sellerId: z.uuid().nullable().optional(),
  dpSigned: flag,
  quoteSigned: flag,
  documentsProvided: z.array(z.string().max(60)).max(40).optional(),
  summary: text(500),
  externalRef: text(100),
};

export const newContractSchema = z.object(contractFieldsShape).strict();
export const contractPatchSchema = z.object(contractFieldsShape).omit({ productLine: true }).partial().strict();
export type NewContractInput = z.infer<typeof newContractSchema>;
export type ContractPatchInput = z.infer<typeof contractPatchSchema>;
export type ContractField = keyof typeof contractFieldsShape;
