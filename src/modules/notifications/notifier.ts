import type { Config } from "../../platform/config";
import type { Db } from "../../platform/db/client";
import { startCaptureServer } from "./capture-server";
import { createSmtpMailer, type MailMessage, type MailResult } from "./mailer";
import { type SmsEncoding, type SmsMessage, type SmsProvider, validateSms } from "./sms";
import { createCaptureSmsProvider } from "./sms-capture";

export interface SmsResult {
  id: string;
  segments: number;
  encoding: SmsEncoding;
}

/**
 * The outgoing channels, created once at start-up and handed to routes through `AppDeps.notifier`.
 * Sending is a side effect that cannot be rolled back: call it after the transaction that decided it commits.
 */
export interface Notifier {
  readonly mail: { mode: "smtp" | "capture"; captureAddress: string | null };
  readonly sms: { provider: string; captures: boolean };
  sendMail(message: MailMessage): Promise<MailResult>;
  /** Validates the number and the length (segments) before handing it to the provider. */
  sendSms(message: SmsMessage): Promise<SmsResult>;
  close(): Promise<void>;
}

declare module "../../platform/deps" {
  interface AppDeps {
    /** Outgoing e-mail and SMS; buildApp creates (and closes) one when the caller does not pass its own. */
    notifier?: Notifier;
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /** The app's notifier, for tests and scripts that hold the app rather than route deps. */
    notifier: Notifier;
  }
}

export interface NotifierOptions {
  config: Pick<Config, "SMTP_URL" | "MAIL_FROM" | "MAIL_CAPTURE_PORT">;
  db: Db;
  /** A real SMS adapter; the capture adapter otherwise. */
  sms?: SmsProvider;
  onError?: (err: unknown) => void;
}

/** With SMTP_URL: real delivery. Without: an SMTP capture server on 127.0.0.1 that files mail in the outbox. */
export async function createNotifier(opts: NotifierOptions): Promise<Notifier> {
  const { config, db } = opts;
  const capture = config.SMTP_URL ? null : await startCaptureServer(db, { port: config.MAIL_CAPTURE_PORT, onError: opts.onError });
  const mailer = capture
    ? createSmtpMailer({ host: capture.host, port: capture.port }, { from: config.MAIL_FROM, capture: true })
    : createSmtpMailer({ url: config.SMTP_URL as string }, { from: config.MAIL_FROM, capture: false });
  const sms = opts.sms ?? createCaptureSmsProvider(db);
  let closed = false;
  return {
    mail: { mode: capture ? "capture" : "smtp", captureAddress: capture ? `${capture.host}:${capture.port}` : null },
    sms: { provider: sms.name, captures: sms.captures },
    sendMail: (message) => mailer.send(message),
    async sendSms(message) {
      const seg = validateSms(message);
      const { id } = await sms.send(message);
      return { id, segments: seg.segments, encoding: seg.encoding };
    },
    async close() {
      if (closed) return;
      closed = true;
      mailer.close();
      await capture?.close();
    },
  };
}

/** The notifier of the running app; buildApp always provides one, so its absence is a wiring bug. */
export function notifierOf(deps: { notifier?: Notifier }): Notifier {
  if (!deps.notifier) throw new Error("No notifier in deps: build the app with buildApp()");
  return deps.notifier;
}

/** `sendMail(deps, {...})` from a route module or a use-case that received the app's deps. */
export const sendMail = (deps: { notifier?: Notifier }, message: MailMessage) => notifierOf(deps).sendMail(message);

export const sendSms = (deps: { notifier?: Notifier }, message: SmsMessage) => notifierOf(deps).sendSms(message);
