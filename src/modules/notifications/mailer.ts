import nodemailer from "nodemailer";
import { AppError } from "../../platform/errors";
import { ORG_HEADER, TAG_HEADER } from "./capture-server";

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** Where answers go, e.g. the account manager rather than the no-reply sender. */
  replyTo?: string;
  /**
   * The sender's display name, e.g. the agency writing to its client. The address stays the platform's
   * (MAIL_FROM): it is the domain whose SPF/DKIM sign the mail, so it passes DMARC; answers go to replyTo.
   */
  fromName?: string;
  /** The organisation on whose behalf it is sent; null for platform mail. */
  orgId: string | null;
  /** What sent it, e.g. "followup.m3.contact-card". */
  tag: string;
}

export interface MailResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  send(message: MailMessage): Promise<MailResult>;
  close(): void;
}

const MAX_ATTACHMENTS_BYTES = 10 * 1024 * 1024;
const POOL = { pool: true, maxConnections: 4 } as const;
// Deliberately loose: the SMTP server is the judge; this only catches obvious mistakes before a round trip.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/**
 * Real SMTP through nodemailer, to the configured server or to the local capture server. In capture mode the
 * message carries the organisation and tag in headers so the capture can file it; real recipients never see
 * internal identifiers.
 */
export function createSmtpMailer(
  opts: { url: string } | { host: string; port: number },
  settings: { from: string; capture: boolean },
): Mailer {
  // Pooled: a few connections kept open and reused, where a connection (and its TLS handshake) per message
  // made a burst of sales wait on the mail: after 4,000 purchases, their notices went out at 34 a second.
  const transport =
    "url" in opts
      ? nodemailer.createTransport({ ...POOL, url: opts.url })
      : nodemailer.createTransport({ ...POOL, host: opts.host, port: opts.port, secure: false, ignoreTLS: true });
  return {
    async send(message) {
      validateMail(message);
      const info = await transport.sendMail({
        from: message.fromName ? { name: message.fromName, address: addressOf(settings.from) } : settings.from,
        to: message.to,
        replyTo: message.replyTo,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        headers: settings.capture ? { [ORG_HEADER]: message.orgId ?? "", [TAG_HEADER]: message.tag } : {},
      });
      return { messageId: info.messageId, accepted: info.accepted, rejected: info.rejected };
    },
    close: () => transport.close(),
  };
}

/** "LeadsAssurance <no-reply@x.fr>" → "no-reply@x.fr". */
function addressOf(from: string): string {
  return from.match(/<([^<>]+)>\s*$/)?.[1]?.trim() ?? from.trim();
}

export function validateMail(message: MailMessage) {
  const recipients = [message.to].flat();
  if (recipients.length === 0) throw new AppError("validation_error", { field: "to", message: "Destinataire manquant" });
  for (const to of recipients) {
    if (!EMAIL.test(addressOf(to))) throw new AppError("validation_error", { field: "to", message: `Adresse e-mail invalide : ${to}` });
  }
  if (message.fromName !== undefined && (!message.fromName.trim() || /[\r\n]/.test(message.fromName))) {
    throw new AppError("validation_error", { field: "fromName", message: "Nom de l'expéditeur vide ou sur plusieurs lignes" });
  }
  if (message.subject.trim() === "" || /[\r\n]/.test(message.subject)) {
    throw new AppError("validation_error", { field: "subject", message: "Objet vide ou sur plusieurs lignes" });
  }
  const size = (message.attachments ?? []).reduce((n, a) => n + Buffer.byteLength(a.content), 0);
  if (size > MAX_ATTACHMENTS_BYTES)
    throw new AppError("validation_error", { field: "attachments", message: "Pièces jointes trop volumineuses (10 Mo au maximum)" });
  if (!message.tag.trim()) throw new Error("sendMail: tag is required");
}
