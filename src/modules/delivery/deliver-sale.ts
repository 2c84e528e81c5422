import { sql } from "drizzle-orm";
import { formatEurosFr } from "../../lib/french-format";
import { groupBy } from "../../lib/group-by";
import type { Db, DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { enqueueJobs, enqueueJobsSql, type JobRequest } from "../jobs";
import type { Notifier } from "../notifications";
import { type LeadPayload, loadSalePayloads } from "./load-sale-payload";
import { leadPath } from "./rules/links";

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
 * One job per brokerage of the sales recorded together (a routed batch sells several leads to one
 * brokerage at once): it notifies and posts each lead, and sends the brokerage one e-mail for all of them.
 * The key is the group's first sale: a sale is in one group only, so the job is queued once.
 */
function saleDeliveryJobs(sales: readonly SoldTo[], now: Date): JobRequest[] {
  return [...groupBy(sales, (s) => s.buyerOrgId).values()].map((group) => {
    const saleIds = group.map((s) => s.id);
    return { kind: SALE_DELIVERY_JOB, dedupeKey: saleIds[0] as string, payload: { saleIds }, runAt: now };
  });
}

/** A job's sales; a job queued before deliveries were grouped by brokerage carries one `saleId`. */
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
 * one is enabled) with its first attempt queued, then one e-mail per brokerage. The rows are idempotent
 * (unique per sale) and written by one statement per brokerage, which also reads who gets the mail; the
 * mail comes last, so a failing SMTP server makes the job retry the mail alone (at worst a mail is sent
 * twice, never lost). A routed batch that sells ten leads to one brokerage is one job, two statements and
 * one e-mail, where it was ten of each (decision 017).
 */
export async function deliverSales(db: Db, deps: DeliveryDeps, saleIds: readonly string[], now: Date) {
  const loaded = await loadSalePayloads(db, saleIds, deps.appUrl);
  if (loaded.length === 0) return { skipped: "sale or lead not found" };
  const webhooks: string[] = [];
  let mailed = 0;
  for (const [orgId, sold] of groupBy(loaded, (l) => l.orgId)) {
    const leads = sold.map((s) => s.lead);
    const written = await notifyBrokerage(db, orgId, leads, now);
    webhooks.push(...written.webhooks);
    mailed += await mailBrokerage(deps, orgId, leads, written.admins);
  }
  return { notified: loaded.length, webhooks, mailed };
}

/** The notices, the webhook deliveries and their first attempts of one brokerage's leads; its administrators' addresses. */
async function notifyBrokerage(db: Db, orgId: string, leads: readonly LeadPayload[], now: Date) {
  const at = now.toISOString();
  const column = <T>(pick: (lead: LeadPayload) => T) => sql.param(leads.map((lead) => pick(lead)));
  const deliveryIds = leads.map(() => uuidv7(now.getTime()));
  const bodies = leads.map((lead, i) => JSON.stringify({ id: deliveryIds[i], event: "lead.received", createdAt: at, lead }));
  const [written] = await rawRows<{ webhooks: string[]; admins: string[] }>(
    db,
    sql`
      with sold as (
        select * from unnest(${column(() => uuidv7(now.getTime()))}::uuid[], ${column((l) => l.saleId)}::uuid[], ${column((l) => l.id)}::uuid[],
                             ${column(titleOf)}::text[], ${column(bodyOf)}::text[], ${column((l) => leadPath(l.id))}::text[],
                             ${sql.param(deliveryIds)}::uuid[], ${sql.param(bodies)}::text[])
          as s(notice_id, sale_id, lead_id, title, body, link, delivery_id, delivery_body)
      ), notice as (
        insert into broker_notifications (id, org_id, sale_id, lead_id, title, body, link, created_at)
        select notice_id, ${orgId}::uuid, sale_id, lead_id, title, body, link, ${at}::timestamptz from sold
        on conflict do nothing
      ), delivery as (
        insert into webhook_deliveries (id, org_id, event, sale_id, lead_id, url, body, status, next_attempt_at, created_at)
        select s.delivery_id, e.org_id, 'lead.received', s.sale_id, s.lead_id, e.url, s.delivery_body, 'pending', ${at}::timestamptz, ${at}::timestamptz
        from sold s cross join webhook_endpoints e where e.org_id = ${orgId}::uuid and e.enabled
        on conflict do nothing
        returning id
      ), first_attempt as (${enqueueJobsSql(
        deliveryIds.map((id) => webhookAttempt(id, 1, now)),
        sql`j.dedupe_key in (select id || '#1' from delivery)`,
      )})
      select array(select id from delivery) as webhooks,
             array(select email from users where org_id = ${orgId}::uuid and role = 'broker_admin' order by created_at limit 5) as admins`,
  );
  return { webhooks: written?.webhooks ?? [], admins: written?.admins ?? [] };
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

/**
 * One message per brokerage and job to its administrators: the lead, or the list of the leads a routed
 * batch gave it at once. No contact data in the mail (it is in the app).
 */
async function mailBrokerage(deps: DeliveryDeps, orgId: string, leads: readonly LeadPayload[], admins: string[]): Promise<number> {
  const [first] = leads;
  if (admins.length === 0 || !first) return 0;
  const exclusive = first.channel === "exclusive";
  const line = (lead: LeadPayload) =>
    `- ${lead.productLabel}${lead.contact.departement ? `, département ${lead.contact.departement}` : ""} : ${formatEurosFr(lead.priceCents)} HT`;
  const what = whatOf(leads);
  await deps.notifier.sendMail({
    to: admins,
    subject: leads.length === 1 ? titleOf(first) : `${leads.length} nouveaux ${what.plural} exclusifs`,
    text: [
      "Bonjour,",
      "",
      exclusive
        ? leads.length === 1
          ? `Vos commandes viennent de recevoir un ${what.singular} en exclusivité :`
          : `Vos commandes viennent de recevoir ${leads.length} ${what.plural} en exclusivité :`
        : "Votre achat en salle de marché est confirmé :",
      ...(leads.length === 1 ? [line(first)] : leads.flatMap((lead) => [line(lead), `  Voir : ${lead.link}`])),
      "",
      exclusive
        ? `Le montant a été prélevé sur vos crédits. Appelez vite : un lead se travaille dans l'heure.`
        : "Appelez vite : un lead se travaille dans l'heure.",
      ...(leads.length === 1 ? [`Voir le lead : ${first.link}`] : []),
      "",
      "LeadsAssurance",
    ].join("\n"),
    orgId,
    tag: exclusive ? "market.exclusive-received" : "market.purchase-received",
  });
  return admins.length;
}

/** How a mail names its leads: "lead", "RDV qualifié", or both when a batch mixes them. */
function whatOf(leads: readonly LeadPayload[]): { singular: string; plural: string } {
  const rdv = leads.filter((l) => l.type === "rdv").length;
  if (rdv === 0) return { singular: "lead", plural: "leads" };
  if (rdv === leads.length) return { singular: "RDV qualifié", plural: "RDV qualifiés" };
  return { singular: "lead", plural: "leads et RDV" };
}
