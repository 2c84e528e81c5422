import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { leadContactSchema } from "./api";

/** Who a lead is about, as stored (null: not given): what a buyer calls, a CRM client starts from, a consent covers. */
export type LeadContact = z.infer<typeof leadContactSchema>;

/**
 * The contact columns of `leads l`, named as LeadContact's keys, for the queries of other modules that join
 * a lead (a sale, a bought lead's work, a webhook's payload), rather than each spelling them out again.
 */
export const leadContactSelect = sql.raw(
  `l.first_name as "firstName", l.last_name as "lastName", l.phone, l.email, l.postal_code as "postalCode", l.city`,
);

/** The contact alone, out of a row that selected leadContactSelect among other columns. */
export function leadContactOf({ firstName, lastName, phone, email, postalCode, city }: LeadContact): LeadContact {
  return { firstName, lastName, phone, email, postalCode, city };
}

/** The contact's columns in the CSV files (the supplier template's names), and the contact as cells in that order. */
export const LEAD_CONTACT_CSV_COLUMNS = ["prenom", "nom", "telephone", "email", "code_postal", "ville"] as const;

export function leadContactCells(c: LeadContact): string[] {
  return [c.firstName ?? "", c.lastName ?? "", c.phone ?? "", c.email ?? "", c.postalCode ?? "", c.city ?? ""];
}
