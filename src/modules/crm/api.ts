import { z } from "zod";
import { clientFieldsShape, contractFieldsShape } from "./client-input";
import type { PreparationItem } from "./rules/checklist";
import { CLIENT_TYPES, type ClientType } from "./rules/client-model";
import type { TnsSignal } from "./rules/tns";

export { clientPatchSchema, contractPatchSchema, newClientSchema, newContractSchema } from "./client-input";

/**
 * What the CRM routes accept (client-input.ts, shared with the import) and answer, for the serializer (unknown keys are dropped) and the OpenAPI page; the
 * web derives its types from them (Wire<z.infer<…>>). Choices are the option lists the inputs accept.
 */

const nullableString = z.string().nullable();
const optionalNullable = <T extends z.ZodType>(t: T) => t.nullable().optional();
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
// A stored choice is one of the options the inputs accept: the same schemas check both ways.
const choices = clientFieldsShape;
const TNS_SIGNALS = [
  "flag",
  "legal_form",
  "status",
  "chef_entreprise",
  "business_number",
  "activity",
] as const satisfies readonly TnsSignal[];

export const clientSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  type: oneOf<ClientType>(CLIENT_TYPES),
  isTns: z.boolean(),
  displayName: z.string().optional(),
  civility: choices.civility,
  firstName: optionalNullable(z.string()),
  lastName: optionalNullable(z.string()),
  companyName: nullableString,
  mailingAddress: optionalNullable(z.string()),
  addressLine: nullableString,
  postalCode: nullableString,
  city: nullableString,
  phone: optionalNullable(z.string()),
  email: optionalNullable(z.string()),
  maritalStatus: choices.maritalStatus,
  professionalStatus: choices.professionalStatus,
  housing: choices.housing,
  origin: choices.origin,
  birthDate: optionalNullable(z.string()),
  childrenCount: optionalNullable(z.number()),
  vehicleCount: optionalNullable(z.number()),
  petSpecies: optionalNullable(z.array(choices.petSpecies.unwrap().unwrap().element).readonly()),
  incomeTaxRate: optionalNullable(z.number()),
  siret: optionalNullable(z.string()),
  nafCode: optionalNullable(z.string()),
  activity: optionalNullable(z.string()),
  annualRevenue: optionalNullable(z.number()),
  headcount: optionalNullable(z.number()),
  insuranceContactName: optionalNullable(z.string()),
  managerName: optionalNullable(z.string()),
  legalForm: choices.legalForm,
  managerRole: choices.managerRole,
  agencyId: optionalNullable(z.string()),
  accountManagerId: optionalNullable(z.string()),
  sourceLeadId: nullableString,
  externalRef: nullableString,
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const contractSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  productLine: contractFieldsShape.productLine,
  productLineLabel: z.string().optional(),
  summary: optionalNullable(z.string()),
  isOurs: z.boolean(),
  insurerName: optionalNullable(z.string()),
  startDate: optionalNullable(z.string()),
  renewalDate: nullableString,
  premiumCents: z.number().nullable(),
  sellerId: nullableString,
  sellerName: z.string().nullable().optional(),
  dpSigned: optionalNullable(z.boolean()),
  quoteSigned: optionalNullable(z.boolean()),
  documentsProvided: z.array(z.string()),
  documents: z.array(z.object({ key: z.string(), label: z.string(), provided: z.boolean() })).optional(),
  externalRef: nullableString,
  createdAt: z.date(),
});

const personSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  jobTitle: nullableString,
  mobile: nullableString,
});

/** On the record page, a client and its contracts come with their display names and document list. */
const detailClientSchema = clientSchema.extend({ displayName: z.string() });
const detailContractSchema = contractSchema.extend({
  productLineLabel: z.string(),
  sellerName: z.string().nullable(),
  documents: z.array(z.object({ key: z.string(), label: z.string(), provided: z.boolean() })),
});

export const clientDetailSchema = z.object({
  client: detailClientSchema,
  agency: z.object({ id: z.string(), name: z.string(), brand: nullableString, phone: nullableString }).nullable(),
  accountManager: personSchema.nullable(),
  contracts: z.array(detailContractSchema),
  preparationChecklist: z.array(z.custom<PreparationItem>()).describe("Check-list de préparation M+3 (à compléter / à valider)"),
  tns: z
    .object({ certainty: z.enum(["sure", "to_check"]), signal: z.enum(TNS_SIGNALS), reason: z.string() })
    .nullable()
    .describe("TNS détecté sur une fiche qui ne le dit pas encore (à passer en pro / TNS ou à écarter pendant le M+3)"),
});

export const changeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

const uuidOrNone = z.union([z.uuid(), z.literal("none")]);
export const clientListQuerySchema = z.object({
  agencyId: uuidOrNone.optional().meta({ title: "l'agence" }),
  accountManagerId: uuidOrNone.optional().meta({ title: "le chargé de clientèle" }),
  type: oneOf<ClientType>(CLIENT_TYPES).optional().meta({ title: "le type de client" }),
  q: z.string().trim().max(100).optional().meta({ title: "la recherche" }),
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ title: "la page" }),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).meta({ title: "la taille de page" }),
});

export const clientListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: oneOf<ClientType>(CLIENT_TYPES),
      isTns: z.boolean(),
      displayName: z.string(),
      city: nullableString,
      postalCode: nullableString,
      phone: nullableString,
      email: nullableString,
      externalRef: nullableString,
      agency: z.object({ id: z.string(), name: z.string() }).nullable(),
      accountManager: z.object({ id: z.string(), name: z.string() }).nullable(),
      contractsCount: z.number(),
      firstContractStart: nullableString,
      toComplete: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  brand: nullableString,
  phone: nullableString,
  email: nullableString,
  address: nullableString,
  createdAt: z.date(),
  membersCount: z.number().optional(),
  clientsCount: z.number().optional(),
});

export const teamMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(["broker_admin", "broker_agent"]),
  agencyId: nullableString,
  agencyName: nullableString,
  jobTitle: nullableString,
  mobile: nullableString,
  handlesProfessionals: z.boolean(),
});

export const newTeamMemberAnswer = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(["broker_admin", "broker_agent"]),
});

export const crmImportSchema = z.object({
  id: z.string(),
  filename: z.string(),
  status: z.enum(["pending", "running", "done", "failed", "interrupted"]),
  mapping: z.record(z.string(), z.string()),
  sizeBytes: z.number().nullable(),
  bytesRead: z.number(),
  totalRows: z.number(),
  clientsCreated: z.number(),
  clientsUpdated: z.number(),
  contractsCreated: z.number(),
  contractsUpdated: z.number(),
  rejectedRows: z.number(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const importPreviewSchema = z.object({
  encoding: z.string(),
  delimiter: z.string(),
  columns: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.string().nullable()),
  fields: z.array(z.object({ key: z.string(), label: z.string(), group: z.enum(["client", "contract"]) })),
});

export type ClientList = z.infer<typeof clientListSchema>;
export type ClientDetailView = z.infer<typeof clientDetailSchema>;
export type AgencyView = z.infer<typeof agencySchema>;
export type TeamMemberView = z.infer<typeof teamMemberSchema>;
export type CrmImportView = z.infer<typeof crmImportSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
