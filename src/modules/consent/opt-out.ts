import type { DbOrTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type Actor, appendAuditEvent } from "../audit";
import { suppressionList } from "../intake/schema";
import { isValidEmail, normalizeEmail, normalizeFrenchPhone } from "../reference-data";

/**
 * Adds a person to the opposition list: any later lead with this phone or e-mail is rejected.
 * Idempotent, so a person who asks twice is not an error.
 */
export async function optOut(db: DbOrTx, actor: Actor, input: { phone?: string; email?: string; reason: string }) {
  const phone = input.phone?.trim() ? normalizeFrenchPhone(input.phone) : null;
  if (phone && !phone.ok) throw new AppError("validation_error", { field: "phone", message: "Numéro de téléphone invalide" });
  if (input.email?.trim() && !isValidEmail(input.email))
    throw new AppError("validation_error", { field: "email", message: "Adresse e-mail invalide" });
  const email = input.email?.trim() ? normalizeEmail(input.email) : null;
  if (!phone && !email) throw new AppError("validation_error", { field: "phone", message: "Indiquez un téléphone ou un e-mail" });
  const rows = [
    ...(phone?.ok ? [{ phone: phone.e164, email: null, reason: input.reason }] : []),
    ...(email ? [{ phone: null, email, reason: input.reason }] : []),
  ];
  for (const row of rows) await db.insert(suppressionList).values(row).onConflictDoNothing();
  await appendAuditEvent(db, {
    actor,
    action: "suppression.added",
    entityType: "suppression",
    data: { phone: phone?.ok ? phone.e164 : null, email, reason: input.reason },
  });
}
