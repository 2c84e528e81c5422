import { z } from "zod";
import type { FieldIssue } from "../../../platform/errors";
import { normalizeFrenchPhone } from "../../reference-data";

export const membershipShape = {
  /** null detaches the collaborator from any agency. */
  agencyId: z.uuid().nullable().meta({ title: "l'agence" }),
  jobTitle: z.string().trim().max(100).nullable().optional().meta({ title: "la fonction" }),
  mobile: z.string().trim().max(30).nullable().optional().meta({ title: "le mobile" }),
  handlesProfessionals: z.boolean().optional().meta({ title: "le suivi des professionnels" }),
};
export const membershipSchema = z.object(membershipShape).strict();
export type MembershipInput = z.infer<typeof membershipSchema>;

export const DEFAULT_JOB_TITLE = "Chargé(e) de clientèle";

/** The mobile goes on the client's vCard and in SMS: it must be a dialable French number. */
export function checkMobile(raw: string | null | undefined, field = "mobile"): { value?: string | null; issue?: FieldIssue } {
  if (raw === undefined) return {};
  if (raw === null || raw.trim() === "") return { value: null };
  const phone = normalizeFrenchPhone(raw);
  return phone.ok ? { value: phone.e164 } : { issue: { field, message: "Numéro de mobile invalide" } };
}
