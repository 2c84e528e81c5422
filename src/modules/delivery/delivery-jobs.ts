import type { JobHandler } from "../jobs";
import { mailNewLeads, SALE_MAIL_JOB } from "./deliver-mail";
import { type DeliveryDeps, deliverSales, SALE_DELIVERY_JOB, saleIdsOf, WEBHOOK_ATTEMPT_JOB } from "./deliver-sale";
import { purgeWebhookBodiesHandler } from "./purge-webhook-bodies";
import { attemptDelivery, type SendOptions } from "./send-webhook";

/**
 * The delivery module's background work. A sale's job and a brokerage's e-mail retry (database or mail
 * server down) by the jobs table's own schedule; a webhook attempt never fails as a job: it records its
 * outcome and queues the next attempt itself, by the webhook retry schedule (rules/retry-schedule.ts). Each
 * night, the bodies of deliveries ended more than 30 days ago are erased (purge-webhook-bodies.ts).
 */
export function deliveryJobHandlers(deps: DeliveryDeps & SendOptions): JobHandler[] {
  return [
    {
      kind: SALE_DELIVERY_JOB,
      maxAttempts: 5,
      // A burst of marketplace purchases queues one job per sale: delivered 25 jobs at a time (decision 017).
      batch: { size: 25, merge: (payloads) => ({ saleIds: payloads.flatMap(saleIdsOf) }) },
      run: (payload, ctx) => deliverSales(ctx.db, deps, saleIdsOf(payload), ctx.now),
    },
    {
      kind: SALE_MAIL_JOB,
      maxAttempts: 5,
      run: (payload, ctx) => mailNewLeads(ctx.db, deps, String(payload.orgId), ctx.now),
    },
    {
      kind: WEBHOOK_ATTEMPT_JOB,
      maxAttempts: 3,
      run: (payload, ctx) => attemptDelivery(ctx.db, String(payload.deliveryId), ctx.now, deps, Number(payload.attempt) || undefined),
    },
    purgeWebhookBodiesHandler,
  ];
}
