import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { Db } from "../../platform/db/client";
import { parseMessage } from "./parse-message";
import { capturedMessages } from "./schema";

/** Custom headers the mailer adds in capture mode so the outbox can file each message. */
export const ORG_HEADER = "X-LA-Org";
export const TAG_HEADER = "X-LA-Tag";

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CaptureServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * An SMTP sink on 127.0.0.1 for development and tests: mail really goes through SMTP (the same code path as
 * production), and each message received is stored in `captured_messages` instead of being delivered.
 * Loopback only, without auth or TLS: nothing outside the machine can reach it.
 */
export async function startCaptureServer(db: Db, opts: { port?: number; onError?: (err: unknown) => void } = {}): Promise<CaptureServer> {
  const host = "127.0.0.1";
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    banner: "LeadsAssurance capture",
    disableReverseLookup: true,
    logger: false,
    // Clients close after each message; this only bounds shutdown if one hangs.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (err) => callback(err));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError("Message trop volumineux", 552));
        captureMail(db, Buffer.concat(chunks), session).then(
          (id) => callback(null, `Message capturé ${id}`),
          (err: unknown) => {
            opts.onError?.(err);
            callback(smtpError("Capture impossible", 451));
          },
        );
      });
    },
  });
  server.on("error", (err) => opts.onError?.(err));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  // A forgotten close() in a test must not keep the process alive.
  server.server.unref();
  const { port } = server.server.address() as AddressInfo;
  return {
    host,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Parses what was received and stores it with its envelope; returns the captured message's id. */
export async function captureMail(db: Db, raw: Buffer, session: Pick<SMTPServerSession, "envelope">): Promise<string> {
  const parsed = parseMessage(raw);
  const header = (name: string) => parsed.headers.get(name.toLowerCase())?.[0]?.trim() ?? null;
  const orgHeader = header(ORG_HEADER);
  const envelope = {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
    to: session.envelope.rcptTo.map((r) => r.address),
  };
  const [row] = await db
    .insert(capturedMessages)
    .values({
      orgId: orgHeader && UUID.test(orgHeader) ? orgHeader : null,
      channel: "email",
      tag: header(TAG_HEADER),
      to: parsed.to ?? envelope.to.join(", "),
      from: parsed.from ?? envelope.from ?? "",
      subject: parsed.subject,
      text: parsed.text,
      // nodemailer writes 7-bit transfer encodings (UTF-8 at most in headers), so text loses nothing here.
      raw: raw.toString("utf8"),
      attachments: parsed.attachments,
      envelope,
      messageId: parsed.messageId,
    })
    .returning({ id: capturedMessages.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}
