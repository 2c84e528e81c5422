import { z } from "zod";
import {
  type Civility,
  CLIENT_ORIGINS,
  CLIENT_TYPES,
  type ClientOrigin,
  type ClientType,
  HOUSING_STATUSES,
  type HousingStatus,
  INCOME_TAX_RATES,
  LEGAL_FORMS,
  type LegalForm,
  MANAGER_ROLES,
  MARITAL_STATUSES,
  type ManagerRole,
  type MaritalStatus,
  PET_SPECIES,
  type PetSpecies,
  PROFESSIONAL_STATUSES,
  type ProfessionalStatus,
} from "./rules/client-model";
import { PRODUCT_LINE_KEYS, type ProductLine } from "./rules/product-lines";

/**
 * Shapes of what the API accepts for a client and a contract. Only types and lengths are checked
 * here; what needs reference data (SIRET checksum, NAF list, phone, postal code) is checked by
 * check-client.ts, which the import and the future lead conversion go through too.
 */

// Forms send "" for a cleared input: it means "no value", normalised to null by the checks.
// Each field declares its French name (with its article): validation messages and OpenAPI use it.
const text = (max: number, title: string) => z.string().max(max).nullable().optional().meta({ title });
const isoDate = (title: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional()
    .meta({ title, examples: ["2026-01-15"] });
const count = (max: number, title: string) => z.number().int().min(0).max(max).nullable().optional().meta({ title });
const flag = (title: string) => z.boolean().nullable().optional().meta({ title });
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const choice = <T extends string>(values: readonly T[], title: string) => oneOf(values).nullable().optional().meta({ title });

export const clientFieldsShape = {
  type: oneOf<ClientType>(CLIENT_TYPES).meta({ title: "le type de client" }),
  isTns: z.boolean().optional().meta({ title: "le statut TNS" }),
  civility: choice<Civility>(["M.", "Mme"], "la civilité"),
  firstName: text(100, "le prénom"),
  lastName: text(100, "le nom"),
  companyName: text(200, "la raison sociale"),
  birthDate: isoDate("la date de naissance"),
  addressLine: text(200, "l'adresse"),
  postalCode: text(10, "le code postal"),
  city: text(100, "la ville"),
  phone: text(30, "le téléphone"),
  email: text(254, "l'e-mail"),
  maritalStatus: choice<MaritalStatus>(MARITAL_STATUSES, "la situation matrimoniale"),
  professionalStatus: choice<ProfessionalStatus>(PROFESSIONAL_STATUSES, "la situation professionnelle"),
  childrenCount: count(20, "le nombre d'enfants"),
  housing: choice<HousingStatus>(HOUSING_STATUSES, "le logement"),
  vehicleCount: count(50, "le nombre de véhicules"),
  petSpecies: z
    .array(oneOf<PetSpecies>(PET_SPECIES).meta({ title: "l'espèce d'animal" }))
    .max(PET_SPECIES.length)
    .nullable()
    .optional()
    .meta({ title: "les animaux de compagnie", description: "Espèces ; liste vide : aucun animal" }),
  incomeTaxRate: z
    .literal(INCOME_TAX_RATES)
    .nullable()
    .optional()
    .meta({ title: "la tranche marginale d'imposition", description: "Taux en % : 0, 11, 30, 41 ou 45" }),
  siret: text(20, "le SIRET"),
  nafCode: text(10, "le code NAF"),
  activity: text(300, "l'activité"),
  annualRevenue: count(1_000_000_000_000, "le chiffre d'affaires"),
  headcount: count(1_000_000, "l'effectif"),
  legalForm: choice<LegalForm>(LEGAL_FORMS, "la forme juridique"),
  managerRole: choice<ManagerRole>(MANAGER_ROLES, "le mandat du dirigeant"),
  insuranceContactName: text(200, "l'interlocuteur qui gère les assurances"),
  managerName: text(200, "le gérant"),
  origin: choice<ClientOrigin>(CLIENT_ORIGINS, "l'origine du client"),
  agencyId: z.uuid().nullable().optional().meta({ title: "l'agence" }),
  accountManagerId: z.uuid().nullable().optional().meta({ title: "le chargé de clientèle" }),
  externalRef: text(100, "la référence CRM"),
};

export const newClientSchema = z.object(clientFieldsShape).strict();
export const clientPatchSchema = z.object(clientFieldsShape).partial().strict();
export type NewClientInput = z.infer<typeof newClientSchema>;
export type ClientPatchInput = z.infer<typeof clientPatchSchema>;
export type ClientField = keyof typeof clientFieldsShape;
export const CLIENT_FIELDS = Object.keys(clientFieldsShape) as ClientField[];

export const contractFieldsShape = {
  productLine: oneOf<ProductLine>(PRODUCT_LINE_KEYS).meta({ title: "le produit" }),
  isOurs: z.boolean().optional().meta({ title: "le contrat de l'agence" }),
  insurerName: text(100, "la compagnie"),
  startDate: isoDate("la date d'effet"),
  renewalDate: isoDate("l'échéance"),
  /** Annual premium in cents: the form converts the euros typed by the agent. */
  premiumCents: count(100_000_000, "la prime annuelle"),
  sellerId: z.uuid().nullable().optional().meta({ title: "le vendeur" }),
  dpSigned: flag("la signature des dispositions particulières"),
  quoteSigned: flag("la signature du devis"),
  documentsProvided: z
    .array(z.string().max(60).meta({ title: "la pièce" }))
    .max(40)
    .optional()
    .meta({ title: "les pièces fournies" }),
  summary: text(500, "la description du contrat"),
  externalRef: text(100, "le numéro de contrat"),
};

export const newContractSchema = z.object(contractFieldsShape).strict();
export const contractPatchSchema = z.object(contractFieldsShape).omit({ productLine: true }).partial().strict();
export type NewContractInput = z.infer<typeof newContractSchema>;
export type ContractPatchInput = z.infer<typeof contractPatchSchema>;
export type ContractField = keyof typeof contractFieldsShape;
