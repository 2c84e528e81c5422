import type { Db } from "../../../platform/db/client";
import { AppError } from "../../../platform/errors";
import { type Notifier, sendMail, sendSms, type VCardVersion, vcardAttachment } from "../../notifications";
import { loadFollowup, mailGreeting } from "../load-followup";
import { recordingOpenIn } from "../rules/call-screen";
import type { ContactCardChannel } from "../rules/closing";
import { type Actor, mutateFollowup, stepLocked } from "../write-followup";
import { agencyLabel, contactCardSms, loadManagerCard, vcardInputOf } from "./contact-card";

const CONTACT_CARD_OPEN_IN = recordingOpenIn("contactCard");

export interface SendContactCardInput {
  channel: ContactCardChannel;
  version?: VCardVersion;
}

/**
 * Sends the account manager's card to the client (vCard attached to an e-mail, or a short SMS) and
 * records it as the "carte de contact envoyée" criterion. The send happens outside any transaction
 * (a mail cannot be rolled back, and the capture server writes to the same database); the record
 * follows it, so the journal only ever claims what really left.
 */
export async function sendContactCard(
  deps: { db: Db; notifier?: Notifier },
  actor: Actor,
  id: string,
  input: SendContactCardInput,
  now: Date,
) {
  const { db } = deps;
  const agg = await loadFollowup(db, actor.orgId, id);
  if (!CONTACT_CARD_OPEN_IN.includes(agg.followup.state)) {
    throw stepLocked("L'envoi de la carte de contact", agg.followup.state, CONTACT_CARD_OPEN_IN);
  }
  const card = await loadManagerCard(db, agg);
  const version = input.version ?? "4.0";
  let to: string;
  let messageId: string;
  if (input.channel === "email") {
    if (!agg.client.email)
      throw new AppError("validation_error", {
        field: "email",
        message: "Pas d'adresse e-mail sur la fiche client : complétez-la ou envoyez la carte par SMS.",
      });
    to = agg.client.email;
    const sent = await sendMail(deps, {
      to,
      subject: `Votre conseiller dédié : ${card.firstName} ${card.lastName}`,
      text: [
        mailGreeting(agg.client),
        "",
        `Suite à notre échange, voici la carte de contact de ${card.firstName} ${card.lastName}, votre interlocuteur dédié.`,
        "Ouvrez la pièce jointe pour l'enregistrer dans vos contacts.",
        "",
        "Bien cordialement,",
        `${card.firstName} ${card.lastName}`,
      ].join("\n"),
      attachments: [vcardAttachment(vcardInputOf(card, version))],
      fromName: agencyLabel(card),
      replyTo: card.email,
      orgId: actor.orgId,
      tag: "followup.m3.contact-card",
    });
    messageId = sent.messageId;
  } else {
    if (!agg.client.phone)
      throw new AppError("validation_error", {
        field: "phone",
        message: "Pas de numéro sur la fiche client : complétez-la ou envoyez la carte par e-mail.",
      });
    to = agg.client.phone;
    messageId = (await sendSms(deps, { to, text: contactCardSms(card), orgId: actor.orgId, tag: "followup.m3.contact-card" })).id;
  }

  return mutateFollowup(db, actor, id, { now }, async (_tx, fresh) => {
    const closing = { ...fresh.followup.closing, contactCardSent: true, contactCardChannel: input.channel };
    return {
      patch: { closing },
      steps: [{ kind: "contact_card_sent", data: { channel: input.channel, to, version, messageId, managerId: card.userId } }],
      result: { channel: input.channel, to, messageId },
    };
  });
}
