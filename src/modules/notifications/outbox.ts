import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import { type CapturedChannel, capturedMessages } from "./schema";

const summaryColumns = {
  id: capturedMessages.id,
  channel: capturedMessages.channel,
  tag: capturedMessages.tag,
  to: capturedMessages.to,
  from: capturedMessages.from,
  subject: capturedMessages.subject,
  attachments: capturedMessages.attachments,
  smsEncoding: capturedMessages.smsEncoding,
  smsSegments: capturedMessages.smsSegments,
  receivedAt: capturedMessages.receivedAt,
};

/** The organisation's captured messages, newest first. Other organisations' rows are simply not there. */
/** The newest messages of the organisation, and how many there are in all (the list shows the newest only). */
export async function listOutbox(db: Db, orgId: string, opts: { channel?: CapturedChannel; limit?: number } = {}) {
  const where = and(eq(capturedMessages.orgId, orgId), opts.channel ? eq(capturedMessages.channel, opts.channel) : undefined);
  const [rows, [counted]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(capturedMessages)
      .where(where)
      .orderBy(desc(capturedMessages.receivedAt), desc(capturedMessages.id))
      .limit(opts.limit ?? 50),
    db.select({ total: sql<number>`count(*)::int` }).from(capturedMessages).where(where),
  ]);
  return { items: rows.map(({ attachments, ...r }) => ({ ...r, attachmentCount: attachments.length })), total: counted?.total ?? 0 };
}

/** One message of the organisation; another organisation's id answers 404, exactly like an unknown one. */
export async function getOutboxMessage(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      ...summaryColumns,
      text: capturedMessages.text,
      envelope: capturedMessages.envelope,
      messageId: capturedMessages.messageId,
      hasRaw: sql<boolean>`${capturedMessages.raw} is not null`,
    })
    .from(capturedMessages)
    .where(and(eq(capturedMessages.id, id), eq(capturedMessages.orgId, orgId)));
  if (!row) throw notFound("Message");
  return row;
}

/** The message as received by the capture server, for download as .eml (e-mail only). */
export async function getOutboxRaw(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ raw: capturedMessages.raw })
    .from(capturedMessages)
    .where(and(eq(capturedMessages.id, id), eq(capturedMessages.orgId, orgId)));
  if (!row?.raw) throw notFound("Message");
  return { raw: row.raw, filename: `message-${id}.eml` };
}
