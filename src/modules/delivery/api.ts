import { z } from "zod";
import { DELIVERY_EVENTS, DELIVERY_STATUSES } from "./rules/vocabulary";
import { WEBHOOK_URL_MAX } from "./rules/webhook-url";

/** Request and response shapes of the delivery routes, shared by the routes and the web app. */

export const notificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  unread: z.boolean(),
});
export const notificationListSchema = z.object({ unread: z.number().int(), items: z.array(notificationSchema) });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const webhookSettingsSchema = z.object({
  url: z.string(),
  enabled: z.boolean(),
  secretHint: z.string(),
  secretCreatedAt: z.date(),
  updatedAt: z.date(),
});
export const webhookViewSchema = z.object({ webhook: webhookSettingsSchema.nullable() });
export type WebhookView = z.infer<typeof webhookViewSchema>;

export const webhookBodySchema = z
  .object({
    url: z.string().trim().min(1).max(WEBHOOK_URL_MAX).meta({ title: "l'URL du webhook" }),
    enabled: z.boolean().meta({ title: "l'activation du webhook" }),
  })
  .strict();
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/** The secret appears here once: on creation and on regeneration. */
export const webhookSavedSchema = z.object({ webhook: webhookSettingsSchema, secret: z.string().nullable() });
export type WebhookSaved = z.infer<typeof webhookSavedSchema>;

export const attemptSchema = z.object({
  attempt: z.number().int(),
  startedAt: z.date(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  ok: z.boolean(),
});

export const deliverySchema = z.object({
  id: z.string(),
  event: z.enum(DELIVERY_EVENTS),
  leadId: z.string().nullable(),
  replayOf: z.string().nullable(),
  url: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  body: z.string(),
  /** Set once the body was erased, 30 days after the delivery ended (empty body from then on). */
  bodyPurgedAt: z.date().nullable(),
  log: z.array(attemptSchema),
});
export const deliveryListSchema = z.object({ items: z.array(deliverySchema) });
export type DeliveryList = z.infer<typeof deliveryListSchema>;

export const deliveryParams = z.object({ deliveryId: z.uuid().meta({ title: "la livraison" }) });

export const sentSchema = z.object({
  id: z.string(),
  outcome: z
    .object({
      status: z.enum(DELIVERY_STATUSES),
      attempt: z.number().int(),
      statusCode: z.number().int().nullable(),
      durationMs: z.number().int(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type Sent = z.infer<typeof sentSchema>;
