import { sql } from "drizzle-orm";
import { formatEurosFr } from "../../lib/french-format";
import type { Db, DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { enqueueJobs, enqueueJobsSql, type JobRequest } from "../jobs";
import type { Notifier } from "../notifications";
import { type LeadPayload, loadSalePayload } from "./load-sale-payload";
import { leadPath } from "./rules/links";

export const SALE_DELIVERY_JOB = "delivery.sale";
export const WEBHOOK_ATTEMPT_JOB = "delivery.webhook";

/**
 * Queued in the sale's own transaction (market/record-sale.ts): the sale and the promise to tell the
 * broker commit together, and the jobs table keeps that promise across a restart.
 */
export async function enqueueSaleDeliveries(tx: DbOrTx, saleIds: readonly string[], now: Date): Promise<void> {
  await enqueueJobs(tx, saleDeliveryJobs(saleIds, now));
}

/** The same promise as a fragment of the sale's own statement (market/pay-at-once.ts). */
export const saleDeliveriesSql = (saleIds: readonly string[], now: Date) => enqueueJobsSql(saleDeliveryJobs(saleIds, now));

const saleDeliveryJobs = (saleIds: readonly string[], now: Date) =>
  saleIds.map((saleId) => ({ kind: SALE_DELIVERY_JOB, dedupeKey: saleId, payload: { saleId }, runAt: now }));

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
 * Tells a brokerage about a lead it got: the in-app notice, the webhook delivery (when one is enabled) with
 * its first attempt queued, then the e-mail. The first two are idempotent rows written by one statement,
 * which also reads who gets the mail (one round trip where a transaction took five: a burst of sales
 * delivers as many of these); the mail comes last, so a failing SMTP server makes the job retry the mail
 * alone (at worst a mail is sent twice, never lost).
 */
export async function deliverSale(db: Db, deps: DeliveryDeps, saleId: string, now: Date) {
  const loaded = await loadSalePayload(db, saleId, deps.appUrl);
  if (!loaded) return { skipped: "sale or lead not found" };
  const { orgId, lead } = loaded;
  const deliveryId = uuidv7(now.getTime());
  const at = now.toISOString();
  const [written] = await rawRows<{ webhook: string | null; admins: string[] }>(
    db,
    sql`
      with notice as (
        insert into broker_notifications (id, org_id, sale_id, lead_id, title, body, link, created_at)
        values (${uuidv7(now.getTime())}::uuid, ${orgId}::uuid, ${saleId}::uuid, ${lead.id}::uuid, ${titleOf(lead)}, ${bodyOf(lead)},
                ${leadPath(lead.id)}, ${at}::timestamptz)
        on conflict do nothing
      ), delivery as (
        insert into webhook_deliveries (id, org_id, event, sale_id, lead_id, url, body, status, next_attempt_at, created_at)
        select ${deliveryId}::uuid, e.org_id, 'lead.received', ${saleId}::uuid, ${lead.id}::uuid, e.url,
               ${JSON.stringify({ id: deliveryId, event: "lead.received", createdAt: at, lead })}, 'pending', ${at}::timestamptz, ${at}::timestamptz
        from webhook_endpoints e where e.org_id = ${orgId}::uuid and e.enabled
        on conflict do nothing
        returning id
      ), first_attempt as (${enqueueJobsSql([webhookAttempt(deliveryId, 1, now)], sql`exists (select 1 from delivery)`)})
      select (select id from delivery) as webhook,
             array(select email from users where org_id = ${orgId}::uuid and role = 'broker_admin' order by created_at limit 5) as admins`,
  );
  const mailed = await mailBrokerage(deps, orgId, lead, written?.admins ?? []);
  return { notified: true, webhook: written?.webhook ?? null, mailed };
}

function titleOf(lead: LeadPayload) {
  const what = lead.type === "rdv" ? "RDV qualifié" : "lead";
  return lead.channel === "exclusive"
    ? `Nouveau ${what} exclusif : ${lead.productLabel}`
    : `${lead.type === "rdv" ? "RDV qualifié" : "Lead"} acheté : ${lead.productLabel}`;
}

function bodyOf(lead: LeadPayload) {
  const place = [lead.contact.city, lead.contact.postalCode ? `(${lead.contact.postalCode})` : null].filter(Boolean).join(" ");
  return [place || null, `${formatEurosFr(lead.priceCents)} HT`].filter(Boolean).join(" · ");
}

/** One message per lead to the brokerage's administrators; no contact data in the mail (it is in the app). */
async function mailBrokerage(deps: DeliveryDeps, orgId: string, lead: LeadPayload, admins: string[]): Promise<number> {
  if (admins.length === 0) return 0;
  const exclusive = lead.channel === "exclusive";
  await deps.notifier.sendMail({
    to: admins,
    subject: titleOf(lead),
    text: [
      "Bonjour,",
      "",
      exclusive
        ? `Vos commandes viennent de recevoir un ${lead.type === "rdv" ? "RDV qualifié" : "lead"} en exclusivité :`
        : "Votre achat en salle de marché est confirmé :",
      `- ${lead.productLabel}${lead.contact.departement ? `, département ${lead.contact.departement}` : ""} : ${formatEurosFr(lead.priceCents)} HT`,
      "",
      exclusive
        ? "Le montant a été prélevé sur vos crédits. Appelez vite : un lead se travaille dans l'heure."
        : "Appelez vite : un lead se travaille dans l'heure.",
      `Voir le lead : ${lead.link}`,
      "",
      "LeadsAssurance",
    ].join("\n"),
    orgId,
    tag: exclusive ? "market.exclusive-received" : "market.purchase-received",
  });
  return admins.length;
}
