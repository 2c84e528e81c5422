import { eq, sql } from "drizzle-orm";
import { formatEurosFr } from "../../lib/french-format";
import type { Db, DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { enqueueJobs, enqueueJobsSql } from "../jobs";
import type { Notifier } from "../notifications";
import { type LeadPayload, loadSalePayload } from "./load-sale-payload";
import { leadPath } from "./rules/links";
import { brokerNotifications, webhookDeliveries, webhookEndpoints } from "./schema";

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
  return enqueueJobs(db, [{ kind: WEBHOOK_ATTEMPT_JOB, dedupeKey: `${deliveryId}#${attempt}`, payload: { deliveryId, attempt }, runAt }]);
}

export interface DeliveryDeps {
  notifier: Notifier;
  appUrl: string | null;
}

/**
 * Tells a brokerage about a lead it got: the in-app notice, the webhook delivery (when one is set), then
 * the e-mail. The first two are idempotent rows written in one transaction; the mail comes last, so a
 * failing SMTP server makes the job retry the mail alone (at worst a mail is sent twice, never lost).
 */
export async function deliverSale(db: Db, deps: DeliveryDeps, saleId: string, now: Date) {
  const loaded = await loadSalePayload(db, saleId, deps.appUrl);
  if (!loaded) return { skipped: "sale or lead not found" };
  const { orgId, lead } = loaded;
  const webhook = await db.transaction(async (tx) => {
    await tx
      .insert(brokerNotifications)
      .values({
        id: uuidv7(now.getTime()),
        orgId,
        saleId,
        leadId: lead.id,
        title: titleOf(lead),
        body: bodyOf(lead),
        link: leadPath(lead.id),
        createdAt: now,
      })
      .onConflictDoNothing();
    const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId));
    if (!endpoint?.enabled) return null;
    const id = uuidv7(now.getTime());
    const created = await tx
      .insert(webhookDeliveries)
      .values({
        id,
        orgId,
        event: "lead.received",
        saleId,
        leadId: lead.id,
        url: endpoint.url,
        body: JSON.stringify({ id, event: "lead.received", createdAt: now.toISOString(), lead }),
        status: "pending",
        nextAttemptAt: now,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (created.length > 0) await enqueueWebhookAttempt(tx, id, 1, now);
    return created[0]?.id ?? null;
  });
  const mailed = await mailBrokerage(db, deps, orgId, lead);
  return { notified: true, webhook, mailed };
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
async function mailBrokerage(db: Db, deps: DeliveryDeps, orgId: string, lead: LeadPayload): Promise<number> {
  const admins = await rawRows<{ email: string }>(
    db,
    sql`select email from users where org_id = ${orgId}::uuid and role = 'broker_admin' order by created_at limit 5`,
  );
  if (admins.length === 0) return 0;
  const exclusive = lead.channel === "exclusive";
  await deps.notifier.sendMail({
    to: admins.map((a) => a.email),
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
