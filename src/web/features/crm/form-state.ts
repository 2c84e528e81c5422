import type { ClientType } from "../../../modules/crm/rules/client-model";
import { formatPhone } from "../../ui/format";
import type { Client, Contract } from "./types";

/** Form state as typed (strings), and the conversions to the API's payloads. */

const TEXT_KEYS = [
  "civility",
  "firstName",
  "lastName",
  "companyName",
  "birthDate",
  "addressLine",
  "postalCode",
  "city",
  "phone",
  "email",
  "maritalStatus",
  "professionalStatus",
  "housing",
  "siret",
  "nafCode",
  "activity",
  "legalForm",
  "managerRole",
  "insuranceContactName",
  "managerName",
  "origin",
  "agencyId",
  "accountManagerId",
] as const;
const INT_KEYS = ["childrenCount", "vehicleCount", "annualRevenue", "headcount", "incomeTaxRate"] as const;
/** Species of pets, typed as "chien,chat"; NO_PET for "aucun animal", "" for not known. */
const LIST_KEYS = ["petSpecies"] as const;
export const NO_PET = "aucun";

type TextKey = (typeof TEXT_KEYS)[number];
type IntKey = (typeof INT_KEYS)[number];
type ListKey = (typeof LIST_KEYS)[number];
export type ClientFormKey = TextKey | IntKey | ListKey;
const ALL_KEYS: readonly ClientFormKey[] = [...TEXT_KEYS, ...INT_KEYS, ...LIST_KEYS];

export type ClientForm = Record<ClientFormKey, string> & { type: ClientType; isTns: boolean };

/**
 * Fields that do not apply to a type are neither shown nor sent. A company keeps a contact person
 * (name, situation): the M+3 checklist asks for them; only the household facts do not apply.
 */
const HOUSEHOLD_ONLY: readonly ClientFormKey[] = ["birthDate", "childrenCount", "housing", "vehicleCount", "petSpecies", "incomeTaxRate"];
const BUSINESS: readonly ClientFormKey[] = ["siret", "nafCode", "legalForm", "managerRole", "activity", "annualRevenue", "headcount"];
const COMPANY_ONLY: readonly ClientFormKey[] = ["companyName", "insuranceContactName", "managerName"];
/** A chef d'entreprise filed as particulier: the legal form and mandate tell whether he is TNS, so they are asked. */
const TNS_DECIDERS: readonly ClientFormKey[] = ["legalForm", "managerRole"];

export function appliesTo(key: ClientFormKey, form: Pick<ClientForm, "type" | "isTns" | "professionalStatus">): boolean {
  const { type, isTns } = form;
  if (type === "entreprise") return !HOUSEHOLD_ONLY.includes(key);
  if (COMPANY_ONLY.includes(key)) return key === "companyName" && type === "professionnel";
  if (TNS_DECIDERS.includes(key) && form.professionalStatus === "chef_entreprise") return true;
  if (BUSINESS.includes(key)) return type === "professionnel" || isTns;
  return true;
}

export function emptyClientForm(type: ClientType = "particulier"): ClientForm {
  const form = { type, isTns: false } as ClientForm;
  for (const k of ALL_KEYS) form[k] = "";
  return form;
}

export function clientFormOf(c: Client): ClientForm {
  const form = emptyClientForm(c.type);
  form.isTns = c.isTns;
  const source = c as unknown as Record<string, unknown>;
  for (const k of [...TEXT_KEYS, ...INT_KEYS]) form[k] = source[k] == null ? "" : String(source[k]);
  form.petSpecies = c.petSpecies == null ? "" : c.petSpecies.length === 0 ? NO_PET : c.petSpecies.join(",");
  // Agents type and read "06 12 34 56 78"; the server normalises it back to the same E.164.
  if (c.phone) form.phone = formatPhone(c.phone);
  return form;
}

const digitsOnly = (s: string) => s.replace(/[\s\u00a0\u202f.]/g, "");

function parsedValue(key: ClientFormKey, raw: string): unknown {
  const s = raw.trim();
  if (s === "") return null;
  if ((INT_KEYS as readonly string[]).includes(key)) {
    const n = Number(digitsOnly(s).replace(",", "."));
    return Number.isFinite(n) ? Math.round(n) : Number.NaN;
  }
  if (key === "petSpecies") return s === NO_PET ? [] : s.split(",").filter(Boolean);
  return s;
}

/** The whole record, for a creation; NaN marks a number the user typed wrong (checked before sending). */
export function clientPayload(form: ClientForm): Record<string, unknown> {
  const out: Record<string, unknown> = { type: form.type, isTns: form.isTns };
  for (const k of ALL_KEYS) {
    if (!appliesTo(k, form)) continue;
    const v = parsedValue(k, form[k]);
    if (v !== null) out[k] = v;
  }
  return out;
}

/** Only what changed, for a PATCH: the answer then lists exactly the fields the agent touched. */
export function clientPatch(initial: ClientForm, form: ClientForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (form.type !== initial.type) out.type = form.type;
  if (form.isTns !== initial.isTns) out.isTns = form.isTns;
  for (const k of ALL_KEYS) {
    if (form[k].trim() !== initial[k].trim()) out[k] = parsedValue(k, form[k]);
  }
  return out;
}

export function numberProblems(payload: Record<string, unknown>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) if (typeof v === "number" && Number.isNaN(v)) out[`${prefix}${k}`] = "Nombre attendu";
  return out;
}

export interface ContractForm {
  productLine: string;
  isOurs: boolean;
  insurerName: string;
  startDate: string;
  renewalDate: string;
  premium: string;
  sellerId: string;
  dpSigned: string;
  quoteSigned: string;
  documentsProvided: string[];
  summary: string;
}

export function emptyContractForm(): ContractForm {
  return {
    productLine: "",
    isOurs: true,
    insurerName: "",
    startDate: "",
    renewalDate: "",
    premium: "",
    sellerId: "",
    dpSigned: "false",
    quoteSigned: "",
    documentsProvided: [],
    summary: "",
  };
}

export function contractFormOf(c: Contract): ContractForm {
  return {
    productLine: c.productLine,
    isOurs: c.isOurs,
    insurerName: c.insurerName ?? "",
    startDate: c.startDate ?? "",
    renewalDate: c.renewalDate ?? "",
    premium: c.premiumCents == null ? "" : String(c.premiumCents / 100).replace(".", ","),
    sellerId: c.sellerId ?? "",
    dpSigned: c.dpSigned == null ? "" : String(c.dpSigned),
    quoteSigned: c.quoteSigned == null ? "" : String(c.quoteSigned),
    documentsProvided: [...c.documentsProvided],
    summary: c.summary ?? "",
  };
}

/** Euros as typed ("1 234,50") → cents; NaN when unreadable. */
export function centsOf(euros: string): number | null {
  const s = digitsOnly(euros).replace(",", ".").replace("€", "");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : Number.NaN;
}

const nullable = (s: string) => (s.trim() === "" ? null : s.trim());
const flag = (s: string) => (s === "" ? null : s === "true");

export function contractPayload(form: ContractForm): Record<string, unknown> {
  return {
    productLine: form.productLine || undefined,
    isOurs: form.isOurs,
    insurerName: nullable(form.insurerName),
    startDate: nullable(form.startDate),
    renewalDate: nullable(form.renewalDate),
    premiumCents: centsOf(form.premium),
    sellerId: nullable(form.sellerId),
    dpSigned: flag(form.dpSigned),
    quoteSigned: flag(form.quoteSigned),
    documentsProvided: form.documentsProvided,
    summary: nullable(form.summary),
  };
}
