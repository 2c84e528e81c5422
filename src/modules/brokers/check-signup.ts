import { checkFrenchVatNumber, checkPostalCode, isValidEmail, isValidSiren, normalizeEmail, normalizeSiren } from "../reference-data";
import type { SignupBody } from "./api";
import { isValidOriasNumber, normalizeOriasNumber } from "./rules/orias-categories";

export interface FieldIssue {
  field: string;
  message: string;
}

export interface CheckedSignup {
  legalName: string;
  siren: string;
  vatNumber: string;
  addressLine: string;
  postalCode: string;
  city: string;
  oriasNumber: string;
  oriasCategories: string[];
  email: string;
  firstName: string;
  lastName: string;
  password: string;
}

const clean = (s: string) => s.trim().replace(/\s+/g, " ");

/** Every issue of a sign-up at once (the form shows them all), with the values as they will be stored. */
export function checkSignup(input: SignupBody): { values: CheckedSignup; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });

  const siren = normalizeSiren(input.siren);
  if (!/^\d{9}$/.test(siren)) issue("siren", "Le SIREN doit comporter 9 chiffres");
  else if (!isValidSiren(siren)) issue("siren", "SIREN invalide : la clé de contrôle ne correspond pas");
  const sirenOk = issues.length === 0;

  const vat = checkFrenchVatNumber(input.vatNumber, sirenOk ? siren : null);
  if (!vat.ok) issue("vatNumber", vat.message);

  const postal = checkPostalCode(clean(input.postalCode), clean(input.city));
  let postalCode = clean(input.postalCode);
  let city = clean(input.city);
  // An invoice reads "13001 Marseille", not "Marseille 1er Arrondissement": the postal code already says which.
  if (postal.ok) [postalCode, city] = [postal.postalCode, postal.city.replace(/\s+\d+(er|e)\s+Arrondissement$/i, "")];
  else if (postal.code === "postal_code_invalid") issue("postalCode", `Code postal « ${postalCode} » invalide : 5 chiffres attendus`);
  else if (postal.code === "postal_code_unknown") issue("postalCode", `Code postal « ${postalCode} » inconnu`);
  else issue("city", `La ville « ${city} » ne correspond pas au code postal ${postalCode}`);

  const oriasNumber = normalizeOriasNumber(input.oriasNumber);
  if (!isValidOriasNumber(oriasNumber)) issue("oriasNumber", "Le numéro ORIAS doit comporter 8 chiffres");

  if (!isValidEmail(input.email)) issue("email", "Adresse e-mail de l'administrateur invalide");

  return {
    values: {
      legalName: clean(input.companyName),
      siren,
      vatNumber: vat.ok ? vat.value : input.vatNumber,
      addressLine: clean(input.addressLine),
      postalCode,
      city,
      oriasNumber,
      // One entry per category, in the register's order.
      oriasCategories: [...new Set(input.oriasCategories)],
      email: isValidEmail(input.email) ? normalizeEmail(input.email) : input.email,
      firstName: clean(input.firstName),
      lastName: clean(input.lastName),
      password: input.password,
    },
    issues,
  };
}
