import { z } from "zod";

/** Response shapes of the outbox (captured e-mails and SMS): the routes serialize and document with them, the web derives its types. */

export const CAPTURED_CHANNELS = ["email", "sms"] as const;
export type CapturedChannel = (typeof CAPTURED_CHANNELS)[number];

const outboxItemSchema = z.object({
  id: z.string(),
  channel: z.enum(CAPTURED_CHANNELS),
  tag: z.string().nullable(),
  to: z.string(),
  from: z.string(),
  subject: z.string().nullable(),
  attachmentCount: z.number(),
  smsEncoding: z.string().nullable(),
  smsSegments: z.number().nullable(),
  receivedAt: z.date(),
});

export const outboxListSchema = z.object({
  capture: z.object({ email: z.boolean(), sms: z.boolean() }),
  notice: z.string().nullable(),
  items: z.array(outboxItemSchema),
  total: z.number().describe("Messages du canal en tout (la liste ne montre que les plus récents)"),
});
export type OutboxListView = z.infer<typeof outboxListSchema>;

export const outboxDetailSchema = outboxItemSchema.omit({ attachmentCount: true }).extend({
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string().nullable(), contentType: z.string(), size: z.number() })),
  envelope: z.object({ from: z.string().nullable(), to: z.array(z.string()) }).nullable(),
  messageId: z.string().nullable(),
  hasRaw: z.boolean(),
});
export type OutboxDetailView = z.infer<typeof outboxDetailSchema>;
