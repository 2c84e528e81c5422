import type { FieldIssue } from "../../platform/errors";
import {
  checkPostalCode,
  communesForPostalCode,
  findNaf,
  isValidEmail,
  isValidSiren,
  isValidSiret,
  normalizeEmail,
  normalizeFrenchPhone,
  normalizeSiret,
} from "../reference-data";
import type { ClientPatchInput, ContractPatchInput, NewContractInput } from "./client-input";
import { isBlank, PET_SPECIES } from "./rules/client-model";
import { productLineLabel, requiredDocuments } from "./rules/product-lines";
import type { clients, contracts } from "./schema";

/**
 * The checks that need reference data, shared by the form, the PATCH, the CSV import and the future
 * lead conversion. Pure functions: every issue is collected (the import reports them all), and
 * nothing is written unless the list is empty.
 */

export type ClientValues = Partial<Omit<typeof clients.$inferInsert, "id" | "orgId" | "createdAt" | "updatedAt">>;
export type ContractValues = Partial<Omit<typeof contracts.$inferInsert, "id" | "orgId" | "clientId" | "createdAt">>;

const at = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field);

const TEXT_FIELDS = [
  "firstName",
  "lastName",
  "companyName",
  "addressLine",
  "city",
  "activity",
  "insuranceContactName",
  "managerName",
  "externalRef",
] as const;

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim().replace(/\s+/g, " ");
  return trimmed === "" ? null : trimmed;
}

/** A real calendar day between 1900 and 2100 ("2025-02-30" is not). */
export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// An envelope reads "13001 Marseille", not "Marseille 1er Arrondissement": the postal code already says which.
const postalCityName = (official: string) => official.replace(/\s+\d+(er|e)\s+Arrondissement$/i, "");

const postalCodeInvalid = (typed: string) => `Code postal « ${typed} » invalide : 5 chiffres attendus`;

/**
 * Normalises the client fields present in `input` (absent keys are left alone, null clears) and
 * checks the record they produce once merged over `current` (the stored row, for a PATCH).
 */
export function checkClientFields(
  input: ClientPatchInput,
  /** `today`: the Paris day (yyyy-mm-dd) against which a birth date is "in the future". */
  opts: { today: string; prefix?: string; current?: ClientValues },
): { values: ClientValues; issues: FieldIssue[] } {
  const prefix = opts.prefix ?? "";
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field: at(prefix, field), message });
  const values: ClientValues = {};
  const has = (key: keyof ClientPatchInput) => input[key] !== undefined;

  for (const key of Object.keys(input) as (keyof ClientPatchInput)[]) {
    if (input[key] === undefined) continue;
    (values as Record<string, unknown>)[key] = input[key];
  }
  for (const key of TEXT_FIELDS) if (has(key)) values[key] = clean(input[key]);

  if (has("phone")) {
    const raw = clean(input.phone);
    if (raw === null) values.phone = null;
    else {
      const phone = normalizeFrenchPhone(raw);
      if (phone.ok) values.phone = phone.e164;
      else issue("phone", "Numéro de téléphone invalide : 10 chiffres commençant par 0, ou au format international (+33…)");
    }
  }
  if (has("email")) {
    const raw = clean(input.email);
    if (raw === null) values.email = null;
    else if (isValidEmail(raw)) values.email = normalizeEmail(raw);
    else issue("email", "Adresse e-mail invalide");
  }
  if (has("siret")) {
    const raw = clean(input.siret);
    if (raw === null) values.siret = null;
    else {
      const digits = normalizeSiret(raw);
      if (!/^\d{9}$|^\d{14}$/.test(digits)) issue("siret", "Le SIRET doit comporter 14 chiffres (ou 9 chiffres pour un SIREN)");
      else if (digits.length === 14 ? isValidSiret(digits) : isValidSiren(digits)) values.siret = digits;
      else issue("siret", `${digits.length === 14 ? "SIRET" : "SIREN"} invalide : la clé de contrôle ne correspond pas`);
    }
  }
  if (has("nafCode")) {
    const raw = clean(input.nafCode);
    if (raw === null) values.nafCode = null;
    else {
      const naf = findNaf(raw);
      if (naf) values.nafCode = naf.code;
      else issue("nafCode", `Code NAF « ${raw} » absent de la nomenclature officielle (NAF rév. 2, ex. 43.21A)`);
    }
  }
  // One entry per species, in the options' order: the record reads the same however it was typed.
  if (has("petSpecies") && input.petSpecies) values.petSpecies = PET_SPECIES.filter((s) => input.petSpecies?.includes(s));
  if (has("birthDate")) {
    const raw = clean(input.birthDate);
    values.birthDate = raw;
    if (raw !== null && !isRealDate(raw)) issue("birthDate", "Date de naissance invalide");
    else if (raw !== null && raw > opts.today) issue("birthDate", "La date de naissance ne peut pas être dans le futur");
  }

  const merged = { ...opts.current, ...values };
  if (has("postalCode") || has("city")) {
    const postalCode = clean(merged.postalCode ?? null);
    const city = clean(merged.city ?? null);
    if (postalCode !== null) {
      if (city !== null) {
        const check = checkPostalCode(postalCode, city);
        if (check.ok) Object.assign(values, { postalCode: check.postalCode, city: postalCityName(check.city) });
        else if (check.code === "postal_code_invalid") issue("postalCode", postalCodeInvalid(postalCode));
        else if (check.code === "postal_code_unknown") issue("postalCode", `Code postal « ${postalCode} » inconnu`);
        else issue("city", `La commune « ${city} » ne correspond pas au code postal ${postalCode}`);
      } else {
        // Without a city nothing can confirm that a fifth digit was only a lost leading zero.
        const fiveDigits = /^\d{5}$/.test(postalCode.replace(/\s+/g, ""));
        const communes = fiveDigits ? communesForPostalCode(postalCode) : [];
        if (!fiveDigits) issue("postalCode", postalCodeInvalid(postalCode));
        else if (communes.length === 0) issue("postalCode", `Code postal « ${postalCode} » inconnu`);
        // One commune only: the city is not in doubt, so it is filled in rather than left blank.
        else
          Object.assign(values, {
            postalCode: postalCode.replace(/\s+/g, ""),
            city: communes.length === 1 ? postalCityName(communes[0]?.name ?? "") : null,
          });
      }
    }
  }

  if (merged.type === "entreprise") {
    if (isBlank(merged.companyName)) issue("companyName", "La raison sociale est obligatoire pour une entreprise");
  } else if (merged.type && isBlank(merged.lastName)) {
    issue("lastName", "Le nom est obligatoire");
  }
  return { values, issues };
}

/** Same for a contract; `current` is the stored contract for a PATCH (its line cannot change). */
export function checkContractFields(
  input: NewContractInput | ContractPatchInput,
  opts: { prefix?: string; current?: ContractValues } = {},
): { values: ContractValues; issues: FieldIssue[] } {
  const prefix = opts.prefix ?? "";
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field: at(prefix, field), message });
  const values: ContractValues = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) (values as Record<string, unknown>)[key] = value;
  for (const key of ["insurerName", "summary", "externalRef"] as const) if (input[key] !== undefined) values[key] = clean(input[key]);
  for (const key of ["startDate", "renewalDate"] as const) {
    if (input[key] === undefined) continue;
    const raw = clean(input[key]);
    values[key] = raw;
    if (raw !== null && !isRealDate(raw)) issue(key, key === "startDate" ? "Date d'effet invalide" : "Date d'échéance invalide");
  }

  const merged = { isOurs: true, ...opts.current, ...values };
  const line = merged.productLine;
  if (input.documentsProvided !== undefined && line) {
    const allowed = new Set(requiredDocuments(line).map((d) => d.key));
    const unknown = input.documentsProvided.filter((key) => !allowed.has(key));
    if (unknown.length > 0) {
      issue("documentsProvided", `Pièce(s) non prévue(s) pour un contrat ${productLineLabel(line)} : ${unknown.join(", ")}`);
    }
    values.documentsProvided = [...new Set(input.documentsProvided)];
  }
  // The M+3 cohort is the month of the first contract of ours: without a start date it never comes.
  if (merged.isOurs && isBlank(merged.startDate) && !issues.some((i) => i.field === at(prefix, "startDate"))) {
    issue("startDate", "La date d'effet est obligatoire pour un contrat souscrit à l'agence");
  }
  return { values, issues };
}
