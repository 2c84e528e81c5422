import { z } from "zod";
import type { DbOrTx } from "../../../platform/db/client";
import { validationError } from "../../../platform/errors";
import { assertEmailFree, createUserOnce } from "../../accounts";
import { appendAuditEvent } from "../../audit";
import { isValidEmail, normalizeEmail } from "../../reference-data";
import { referenceIssues } from "../check-references";
import type { CrmActor } from "../create-client-with-first-contract";
import { checkMobile, membershipShape } from "./membership-fields";
import { setAgencyMembership } from "./set-agency-membership";

export const newBrokerUserSchema = z
  .object({
    email: z.string().trim().max(254).meta({ title: "l'e-mail" }),
    firstName: z.string().trim().min(1).max(100).meta({ title: "le prénom" }),
    lastName: z.string().trim().min(1).max(100).meta({ title: "le nom" }),
    role: z.enum(["broker_agent", "broker_admin"]).meta({ title: "le rôle" }),
    /** Given by the admin, who passes it on; hashed with argon2id like every password. */
    password: z.string().min(10).max(200).meta({ title: "le mot de passe" }),
    ...membershipShape,
    agencyId: membershipShape.agencyId.optional(),
  })
  .strict();
export type NewBrokerUser = z.infer<typeof newBrokerUserSchema>;

/** A collaborator of the cabinet (chargé de clientèle or administrator), attached to an agency when one is given. */
export async function createBrokerUser(tx: DbOrTx, auth: CrmActor, input: NewBrokerUser) {
  // Everything is checked before the account exists: a bad agency or mobile must not leave a user behind.
  const mobile = checkMobile(input.mobile);
  const issues = [
    ...(isValidEmail(input.email) ? [] : [{ field: "email", message: "Adresse e-mail invalide" }]),
    ...(mobile.issue ? [mobile.issue] : []),
    ...(await referenceIssues(tx, auth.orgId, [{ field: "agencyId", kind: "agency", id: input.agencyId }])),
  ];
  if (issues.length > 0) throw validationError(issues);
  const email = normalizeEmail(input.email);
  await assertEmailFree(tx, email);
  const user = await createUserOnce(tx, {
    orgId: auth.orgId,
    role: input.role,
    email,
    password: input.password,
    firstName: input.firstName,
    lastName: input.lastName,
  });
  await appendAuditEvent(tx, { actor: auth, action: "user.created", entityType: "user", entityId: user.id, data: { role: input.role } });
  if (input.agencyId) {
    await setAgencyMembership(tx, auth, user.id, {
      agencyId: input.agencyId,
      jobTitle: input.jobTitle,
      mobile: input.mobile,
      handlesProfessionals: input.handlesProfessionals,
    });
  }
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: input.role };
}
