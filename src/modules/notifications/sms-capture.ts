import type { Db } from "../../platform/db/client";
import { capturedMessages } from "./schema";
import { type SmsProvider, smsSegments } from "./sms";

/**
 * The default SMS adapter: nothing leaves the machine, each SMS lands in the outbox with its segment count.
 * It is also the template for a real provider: same `SmsProvider` shape, `captures: false`.
 */
export function createCaptureSmsProvider(db: Db, opts: { sender?: string } = {}): SmsProvider {
  // Alphanumeric sender IDs are limited to 11 characters by operators.
  const sender = opts.sender ?? "LeadsAssur";
  return {
    name: "capture",
    captures: true,
    async send(message) {
      const seg = smsSegments(message.text);
      const [row] = await db
        .insert(capturedMessages)
        .values({
          orgId: message.orgId,
          channel: "sms",
          tag: message.tag,
          to: message.to,
          from: sender,
          text: message.text,
          smsEncoding: seg.encoding,
          smsSegments: seg.segments,
        })
        .returning({ id: capturedMessages.id });
      if (!row) throw new Error("insert returned nothing");
      return { id: row.id };
    },
  };
}
