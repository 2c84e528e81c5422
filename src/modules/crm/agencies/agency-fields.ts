import { z } from "zod";
import type { FieldIssue } from "../../../platform/errors";
import { isValidEmail, normalizeEmail, normalizeFrenchPhone } from "../../reference-data";

export const agencyFieldsShape = {
  name: z.string().trim().min(1).max(100).meta({ title: "le nom de l'agence" }),
  brand: z.string().trim().max(100).nullable().optional().meta({ title: "l'enseigne" }),
  phone: z.string().trim().max(30).nullable().optional().meta({ title: "le téléphone de l'agence" }),
  email: z.string().trim().max(254).nullable().optional().meta({ title: "l'e-mail de l'agence" }),
  address: z.string().trim().max(300).nullable().optional().meta({ title: "l'adresse de l'agence" }),
};
export const newAgencySchema = z.object(agencyFieldsShape).strict();
export const agencyPatchSchema = z.object(agencyFieldsShape).partial().strict();
export type AgencyPatch = z.infer<typeof agencyPatchSchema>;

/** Trims, normalises the phone (E.164) and e-mail; "" clears an optional field. */
export function checkAgencyFields(input: AgencyPatch): { values: AgencyPatch; issues: FieldIssue[] } {
  const values: AgencyPatch = {};
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(input) as [keyof AgencyPatch, string | null | undefined][]) {
    if (raw === undefined) continue;
    const value = raw === null || raw.trim() === "" ? null : raw.trim();
    if (key === "name") {
      if (value === null) issues.push({ field: "name", message: "Le nom de l'agence est obligatoire" });
      else values.name = value;
    } else if (key === "phone" && value !== null) {
      const phone = normalizeFrenchPhone(value);
      if (phone.ok) values.phone = phone.e164;
      else issues.push({ field: "phone", message: "Numéro de téléphone invalide" });
    } else if (key === "email" && value !== null) {
      if (isValidEmail(value)) values.email = normalizeEmail(value);
      else issues.push({ field: "email", message: "Adresse e-mail invalide" });
    } else {
      values[key] = value;
    }
  }
  return { values, issues };
}

export const agencyNameTaken = () => ({ field: "name", message: "Une agence de votre cabinet porte déjà ce nom" });
