import { z } from "zod";

/** What the CRM routes answer, for the serializer (unknown keys are dropped) and the OpenAPI page. */

const nullableString = z.string().nullable();
const optionalNullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const clientSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  type: z.string(),
  isTns: z.boolean(),
  displayName: z.string().optional(),
  civility: optionalNullable(z.string()),
  firstName: optionalNullable(z.string()),
  lastName: optionalNullable(z.string()),
  companyName: nullableString,
  mailingAddress: optionalNullable(z.string()),
  addressLine: nullableString,
  postalCode: nullableString,
  city: nullableString,
  phone: optionalNullable(z.string()),
  email: optionalNullable(z.string()),
  maritalStatus: optionalNullable(z.string()),
  professionalStatus: optionalNullable(z.string()),
  housing: optionalNullable(z.string()),
  origin: optionalNullable(z.string()),
  birthDate: optionalNullable(z.string()),
  childrenCount: optionalNullable(z.number()),
  vehicleCount: optionalNullable(z.number()),
  petSpecies: optionalNullable(z.array(z.string()).readonly()),
  incomeTaxRate: optionalNullable(z.number()),
  siret: optionalNullable(z.string()),
  nafCode: optionalNullable(z.string()),
  activity: optionalNullable(z.string()),
  annualRevenue: optionalNullable(z.number()),
  headcount: optionalNullable(z.number()),
  insuranceContactName: optionalNullable(z.string()),
  managerName: optionalNullable(z.string()),
  legalForm: optionalNullable(z.string()),
  managerRole: optionalNullable(z.string()),
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
  productLine: z.string(),
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

export const preparationItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  category: z.string(),
  label: z.string(),
  reason: z.string(),
  priority: z.number(),
  clientPath: z.string().optional(),
  contractId: z.string().optional(),
  documentKey: z.string().optional(),
});

export const clientDetailSchema = z.object({
  client: clientSchema,
  agency: z.object({ id: z.string(), name: z.string(), brand: nullableString, phone: nullableString }).nullable(),
  accountManager: personSchema.nullable(),
  contracts: z.array(contractSchema),
  preparationChecklist: z.array(preparationItemSchema),
  tns: z
    .object({ certainty: z.enum(["sure", "to_check"]), signal: z.string(), reason: z.string() })
    .nullable()
    .describe("TNS détecté sur une fiche qui ne le dit pas encore (à passer en pro / TNS ou à écarter pendant le M+3)"),
});

export const changeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const clientListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
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
  role: z.string(),
  agencyId: nullableString,
  agencyName: nullableString,
  jobTitle: nullableString,
  mobile: nullableString,
  handlesProfessionals: z.boolean(),
});
