import { sql } from "drizzle-orm";
import { formatEurosFr } from "../../lib/french-format";
import type { Db, DbOrTx } from "../../platform/db/client";
import { preparedRows } from "../../platform/db/prepared-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { enqueueJobs, enqueueJobsSql, type JobRequest } from "../jobs";
import type { Notifier } from "../notifications";
import { saleMailJobs } from "./deliver-mail";
import { type LeadPayload, loadSalePayloads } from "./load-sale-payload";
import { leadPath } from "./rules/links";
import { saleTitle } from "./rules/sale-title";

export const SALE_DELIVERY_JOB = "delivery.sale";
export const WEBHOOK_ATTEMPT_JOB = "delivery.webhook";

/** A sale as its delivery is queued: the sale and the brokerage it goes to. */
export interface SoldTo {
  id: string;
  buyerOrgId: string;
}

/**
 * Queued in the sale's own transaction (market/record-sale.ts): the sale and the promise to tell the
 * broker commit together, and the jobs table keeps that promise across a restart.
 */
export async function enqueueSaleDeliveries(tx: DbOrTx, sales: readonly SoldTo[], now: Date): Promise<void> {
  await enqueueJobs(tx, saleDeliveryJobs(sales, now));
}

/** The same promise as a fragment of the sale's own statement (market/pay-at-once.ts). */
export const saleDeliveriesSql = (sales: readonly SoldTo[], now: Date) => enqueueJobsSql(saleDeliveryJobs(sales, now));

/**
 * One job for the sales recorded together (a routing round sells leads to many brokerages at once): it
 * notifies and posts each lead and queues each brokerage's e-mail. The key is the first sale: a sale is
 * recorded once, so the job is queued once.
 */
function saleDeliveryJobs(sales: readonly SoldTo[], now: Date): JobRequest[] {
  const [first] = sales;
  if (!first) return [];
  return [{ kind: SALE_DELIVERY_JOB, dedupeKey: first.id, payload: { saleIds: sales.map((s) => s.id) }, runAt: now }];
}

/** A job's sales; a job queued before deliveries were grouped carries one `saleId`. */
export const saleIdsOf = (payload: Record<string, unknown>): string[] =>
  Array.isArray(payload.saleIds) ? payload.saleIds.map(String) : [String(payload.saleId)];

export function enqueueWebhookAttempt(db: DbOrTx, deliveryId: string, attempt: number, runAt: Date) {
  return enqueueJobs(db, [webhookAttempt(deliveryId, attempt, runAt)]);
}

const webhookAttempt = (deliveryId: string, attempt: number, runAt: Date): JobRequest => ({
  kind: WEBHOOK_ATTEMPT_JOB,
  dedupeKey: `${deliveryId}#${attempt}`,
  payload: { deliveryId, attempt },
  runAt,
});

export interface DeliveryDeps {
  notifier: Notifier;
  appUrl: string | null;
}

/**
 * Tells brokerages about the leads they got: for each lead the in-app notice and the webhook delivery (when
 * its brokerage has one enabled) with its first attempt queued, and each brokerage's e-mail queued
 * (deliver-mail.ts: at most one a minute, listing every lead since the last). The rows are idempotent
 * (unique per sale) and written by one statement: a routing round that sells 200 leads to 40 brokerages is
 * one job and two statements, where it was 200 of each, then 40 (decision 017).
 */
export async function deliverSales(db: Db, deps: DeliveryDeps, saleIds: readonly string[], now: Date) {
  const loaded = await loadSalePayloads(db, saleIds, deps.appUrl);
  if (loaded.length === 0) return { skipped: "sale or lead not found" };
  return { notified: loaded.length, webhooks: await notifyBrokerages(db, loaded, now) };
}

/** The notices, the webhook deliveries and their first attempts of these leads, and their brokerages' e-mail jobs; the deliveries made. */
async function notifyBrokerages(db: Db, sold: readonly { orgId: string; lead: LeadPayload }[], now: Date): Promise<string[]> {
  const at = now.toISOString();
  const column = <T>(pick: (lead: LeadPayload, orgId: string) => T) => sql.param(sold.map((s) => pick(s.lead, s.orgId)));
  const deliveryIds = sold.map(() => uuidv7(now.getTime()));
  const bodies = sold.map(({ lead }, i) => JSON.stringify({ id: deliveryIds[i], event: "lead.received", createdAt: at, lead }));
  const mails = [...new Set(sold.map((s) => s.orgId))].flatMap((orgId) => saleMailJobs(orgId, now));
  const [written] = await preparedRows<{ webhooks: string[] }>(
    db,
    "delivery.notify-brokerages",
    sql`
      with sold as (
        select * from unnest(${column(() => uuidv7(now.getTime()))}::uuid[], ${column((_l, orgId) => orgId)}::uuid[],
                             ${column((l) => l.saleId)}::uuid[], ${column((l) => l.id)}::uuid[],
                             ${column(saleTitle)}::text[], ${column(bodyOf)}::text[], ${column((l) => leadPath(l.id))}::text[],
                             ${sql.param(deliveryIds)}::uuid[], ${sql.param(bodies)}::text[])
          as s(notice_id, org_id, sale_id, lead_id, title, body, link, delivery_id, delivery_body)
      ), notice as (
        insert into broker_notifications (id, org_id, sale_id, lead_id, title, body, link, created_at)
        select notice_id, org_id, sale_id, lead_id, title, body, link, ${at}::timestamptz from sold
        on conflict do nothing
        returning org_id
      ), delivery as (
        insert into webhook_deliveries (id, org_id, event, sale_id, lead_id, url, body, status, next_attempt_at, created_at)
        select s.delivery_id, e.org_id, 'lead.received', s.sale_id, s.lead_id, e.url, s.delivery_body, 'pending', ${at}::timestamptz, ${at}::timestamptz
        from sold s join webhook_endpoints e on e.org_id = s.org_id and e.enabled
        on conflict do nothing
        returning id
      ), first_attempt as (${enqueueJobsSql(
        deliveryIds.map((id) => webhookAttempt(id, 1, now)),
        sql`j.dedupe_key in (select id || '#1' from delivery)`,
      )}), mail as (${enqueueJobsSql(mails, sql`(j.payload::jsonb ->> 'orgId')::uuid in (select org_id from notice)`)})
      select array(select id from delivery) as webhooks`,
  );
  return written?.webhooks ?? [];
}

function bodyOf(lead: LeadPayload) {
  const place = [lead.contact.city, lead.contact.postalCode ? `(${lead.contact.postalCode})` : null].filter(Boolean).join(" ");
  return [place || null, `${formatEurosFr(lead.priceCents)} HT`].filter(Boolean).join(" · ");
}
