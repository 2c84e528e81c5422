import { eq, or } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { uniqueViolation } from "../../platform/db/unique-violation";
import { AppError, validationError } from "../../platform/errors";
import { assertEmailFree, createOrganisation, createUser } from "../accounts";
import { appendAuditEvents } from "../audit";
import type { SignupBody } from "./api";
import { checkSignup } from "./check-signup";
import { brokerages } from "./schema";

/**
 * "Créer un compte courtier": the organisation (kind courtier), its brokerage row (legal identity and
 * ORIAS registration, not yet verified) and its first admin, in the caller's transaction, in the audit chain.
 */
export async function signUpBrokerage(tx: DbOrTx, input: SignupBody, now: Date) {
  const { values, issues } = checkSignup(input);
  if (issues.length > 0) throw validationError(issues);

  const [taken] = await tx
    .select({ siren: brokerages.siren, oriasNumber: brokerages.oriasNumber })
    .from(brokerages)
    .where(or(eq(brokerages.siren, values.siren), eq(brokerages.oriasNumber, values.oriasNumber)))
    .limit(1);
  if (taken) {
    const field = taken.siren === values.siren ? "siren" : "oriasNumber";
    throw new AppError("brokerage_exists", {
      field,
      message: field === "siren" ? "Un cabinet est déjà inscrit avec ce SIREN" : "Un cabinet est déjà inscrit avec ce numéro ORIAS",
    });
  }
  await assertEmailFree(tx, values.email);

  try {
    // A savepoint: two sign-ups racing for the same SIREN or e-mail get a 409, not a broken transaction.
    return await tx.transaction(async (inner) => {
      const org = await createOrganisation(inner, {
        kind: "courtier",
        name: values.legalName,
        siren: values.siren,
        orias: values.oriasNumber,
        // The buyer's identity printed on its invoices (billing reads it from the organisation).
        address: `${values.addressLine}\n${values.postalCode} ${values.city}`,
        vatNumber: values.vatNumber,
      });
      const user = await createUser(inner, {
        orgId: org.id,
        role: "broker_admin",
        email: values.email,
        password: values.password,
        firstName: values.firstName,
        lastName: values.lastName,
      });
      const [brokerage] = await inner
        .insert(brokerages)
        .values({
          orgId: org.id,
          legalName: values.legalName,
          siren: values.siren,
          vatNumber: values.vatNumber,
          addressLine: values.addressLine,
          postalCode: values.postalCode,
          city: values.city,
          oriasNumber: values.oriasNumber,
          oriasCategories: values.oriasCategories,
          createdAt: now,
        })
        .returning();
      if (!brokerage) throw new Error("insert returned nothing");
      const actor = { orgId: org.id, userId: user.id };
      await appendAuditEvents(inner, [
        {
          actor,
          action: "brokerage.signed_up",
          entityType: "brokerage",
          entityId: org.id,
          occurredAt: now,
          data: {
            legalName: values.legalName,
            siren: values.siren,
            vatNumber: values.vatNumber,
            address: { line: values.addressLine, postalCode: values.postalCode, city: values.city },
            oriasNumber: values.oriasNumber,
            oriasCategories: values.oriasCategories,
          },
        },
        { actor, action: "user.created", entityType: "user", entityId: user.id, occurredAt: now, data: { role: "broker_admin" } },
      ]);
      return { org, user, brokerage };
    });
  } catch (e) {
    const index = uniqueViolation(e);
    if (index === null) throw e;
    if (index === "users_email_lower_idx") throw new AppError("email_taken", { field: "email" });
    throw new AppError("brokerage_exists", { field: index === "brokerages_orias_number_idx" ? "oriasNumber" : "siren" });
  }
}
