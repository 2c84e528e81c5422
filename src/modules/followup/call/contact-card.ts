import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { AppError } from "../../../platform/errors";
import type { VCardInput, VCardVersion } from "../../notifications";
import type { FollowupAggregate } from "../load-followup";

export interface ManagerCard {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  agencyName: string | null;
  agencyBrand: string | null;
  agencyPhone: string | null;
  agencyAddress: string | null;
  orgName: string;
}

/**
 * The client's dedicated contact: the account manager on the record, else the one the follow-up is
 * assigned to. Spec 003: "le client sait qu'il a un interlocuteur dédié" and has his card.
 */
export async function loadManagerCard(db: DbOrTx, agg: FollowupAggregate): Promise<ManagerCard> {
  const userId = agg.client.accountManagerId ?? agg.followup.assignedTo;
  if (!userId) {
    throw new AppError("validation_error", {
      field: "accountManagerId",
      message: "Aucun chargé de clientèle sur la fiche : renseignez-le avant d'envoyer sa carte de contact.",
    });
  }
  const result = await rawRows<ManagerCard>(
    db,
    sql`
    select u.id::text as "userId", u.first_name as "firstName", u.last_name as "lastName", u.email, u.phone,
           m.mobile, m.job_title as "jobTitle", a.name as "agencyName", a.brand as "agencyBrand",
           a.phone as "agencyPhone", a.address as "agencyAddress", o.name as "orgName"
      from users u
      join organisations o on o.id = u.org_id
      left join agency_members m on m.user_id = u.id
      left join agencies a on a.id = coalesce(m.agency_id, ${agg.client.agencyId})
     where u.id = ${userId} and u.org_id = ${agg.followup.orgId}`,
  );
  const card = result[0];
  if (!card)
    throw new AppError("validation_error", { field: "accountManagerId", message: "Chargé de clientèle introuvable dans votre cabinet." });
  return card;
}

export function agencyLabel(card: ManagerCard): string {
  const agency = [card.agencyBrand, card.agencyName].filter(Boolean).join(" ");
  return agency ? `${card.orgName} — agence ${agency}` : card.orgName;
}

export function vcardInputOf(card: ManagerCard, version: VCardVersion): VCardInput {
  return {
    firstName: card.firstName,
    lastName: card.lastName,
    organisation: agencyLabel(card),
    title: card.jobTitle ?? "Chargé(e) de clientèle",
    phone: card.agencyPhone ?? card.phone ?? undefined,
    mobile: card.mobile ?? undefined,
    email: card.email,
    note: "Votre interlocuteur dédié pour tous vos contrats et vos questions.",
    version,
  };
}

/** The SMS version of the card: name, numbers, e-mail, nothing the client must open. */
export function contactCardSms(card: ManagerCard): string {
  const phone = card.mobile ?? card.phone ?? card.agencyPhone;
  return [
    `Bonjour, voici les coordonnées de votre conseiller dédié : ${card.firstName} ${card.lastName}, ${agencyLabel(card)}.`,
    phone ? `Tél : ${phone}` : null,
    `E-mail : ${card.email}`,
    "Enregistrez-les pour le joindre directement.",
  ]
    .filter(Boolean)
    .join("\n");
}
