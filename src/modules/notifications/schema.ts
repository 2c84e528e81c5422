import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { CAPTURED_CHANNELS } from "./api";

export type { CapturedChannel } from "./api";
export { CAPTURED_CHANNELS };

export interface AttachmentMeta {
  filename: string | null;
  contentType: string;
  size: number;
}

export interface SmtpEnvelope {
  from: string | null;
  to: string[];
}

/**
 * What the local channels caught instead of delivering: e-mails received by the in-process SMTP capture
 * server, SMS given to the capture provider. `org_id` has no foreign key on purpose: it comes from a header
 * of whatever reached the SMTP port, and a capture sink must never refuse a message because of it.
 */
export const capturedMessages = pgTable(
  "captured_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id"),
    channel: text("channel", { enum: CAPTURED_CHANNELS }).notNull(),
    tag: text("tag"),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject"),
    text: text("text").notNull().default(""),
    /** The full RFC 822 message as received (e-mail only), served as .eml. */
    raw: text("raw"),
    attachments: jsonb("attachments").$type<AttachmentMeta[]>().notNull().default([]),
    envelope: jsonb("envelope").$type<SmtpEnvelope>(),
    messageId: text("message_id"),
    smsEncoding: text("sms_encoding", { enum: ["GSM-7", "UCS-2"] }),
    smsSegments: integer("sms_segments"),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("captured_messages_org_idx").on(t.orgId, t.receivedAt), index("captured_messages_message_id_idx").on(t.messageId)],
);

export type CapturedMessage = typeof capturedMessages.$inferSelect;
